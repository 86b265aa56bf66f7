package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeBuffersTest {
    @TempDir
    Path dir;

    private static byte[] noise(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @Test
    void readGivesExactlyEachFilesBytesSmallAfterLargeAndLargeAfterSmall() throws IOException {
        DecodeBuffers buffers = new DecodeBuffers();
        for (int length : new int[] {300_000, 17, 0, 70_000, 1 << 16, (1 << 16) - 1, 1_000_000, 5}) {
            byte[] content = noise(length, length);
            Path file = Files.write(dir.resolve("f" + length), content);
            ByteBuffer read = buffers.read(file);
            assertEquals(0, read.position());
            assertEquals(length, read.remaining(), "bytes read of a " + length + "-byte file");
            assertArrayEquals(content, remaining(read), "the " + length + "-byte file");
            assertTrue(read.hasArray(), "a heap buffer, so decoders need not copy it");
        }
    }

    @Test
    void readRefusesWhatIsNotARegularFileBeforeOpeningIt() throws IOException {
        DecodeBuffers buffers = new DecodeBuffers();
        FileSystemException folder = assertThrows(FileSystemException.class, () -> buffers.read(dir));
        assertTrue(folder.getMessage().contains("is a directory, not a regular file"), folder.getMessage());
        assertThrows(NoSuchFileException.class, () -> buffers.read(dir.resolve("missing.jpg")));
    }

    @Test
    void filesAboveTheKeptSizeAreReadIntoMemoryOfTheirOwn() throws IOException {
        DecodeBuffers buffers = new DecodeBuffers(1000);
        byte[] large = noise(5000, 1);
        byte[] small = noise(10, 2);
        ByteBuffer first = buffers.read(Files.write(dir.resolve("large"), large));
        ByteBuffer second = buffers.read(Files.write(dir.resolve("small"), small));
        assertArrayEquals(large, remaining(first), "a file above keptBytes is not overwritten by the next read");
        assertArrayEquals(small, remaining(second));
    }

    @Test
    void theDefaultBuffersKeepAPhotographsFileUpToSixteenMibInMemoryRoundedToAMib() throws IOException {
        DecodeBuffers buffers = new DecodeBuffers();
        byte[] photograph = noise(8_900_000, 3);
        Path file = Files.write(dir.resolve("photograph.jpg"), photograph);
        ByteBuffer first = buffers.read(file);
        assertArrayEquals(photograph, remaining(first));
        assertEquals(9 << 20, first.array().length, "an 8.9 MB file keeps 9 MiB, not the next power of two");
        ByteBuffer second = buffers.read(file);
        assertSame(first.array(), second.array(), "the next read of a file over 4 MiB reuses the memory");
        assertArrayEquals(photograph, remaining(second));
        byte[] huge = noise(DecodeBuffers.DEFAULT_KEPT_FILE_BYTES, 4);
        ByteBuffer third = buffers.read(Files.write(dir.resolve("huge.jpg"), huge));
        assertNotSame(first.array(), third.array(), "a file of 16 MiB or more (with the byte that finds its end) "
                + "gets memory of its own");
        assertArrayEquals(huge, remaining(third));
        assertSame(first.array(), buffers.read(file).array(), "and the kept memory stays");
    }

    @Test
    void pixelArraysAreReusedUpToTheKeptSizeAndNewAboveIt() {
        DecodeBuffers buffers = new DecodeBuffers(1 << 20);
        byte[] first = buffers.pixelArray(500 * 375 * 3);
        assertTrue(first.length >= 500 * 375 * 3);
        assertSame(first, buffers.pixelArray(100), "a smaller image reuses the array");
        assertSame(first, buffers.pixelArray(first.length), "as does one that fills it");
        assertNotSame(buffers.pixelArray((1 << 20) + 1), buffers.pixelArray((1 << 20) + 1),
                "above keptBytes each request gets its own array");
        byte[] grown = buffers.pixelArray(1 << 20);
        assertTrue(grown.length >= 1 << 20, "grows to the largest kept request");
        assertEquals(0, new DecodeBuffers(0).pixelArray(0).length);
        DecodeBuffers sixMib = new DecodeBuffers(6 << 20);
        byte[] photograph = sixMib.pixelArray(1600 * 1200 * 3);
        assertEquals(6 << 20, photograph.length, "5.8 MB of pixels keep 6 MiB, not the next power of two");
        assertSame(photograph, sixMib.pixelArray(1600 * 1200 * 3));
    }

    @Test
    void directPixelsHaveExactlyTheSizeAskedInNativeOrderOverReusedMemory() {
        DecodeBuffers buffers = new DecodeBuffers();
        ByteBuffer first = buffers.directPixels(1000);
        assertTrue(first.isDirect());
        assertEquals(0, first.position());
        assertEquals(1000, first.limit());
        assertEquals(1000, first.capacity());
        assertEquals(ByteOrder.nativeOrder(), first.order());
        first.put(0, (byte) 42);
        assertEquals(42, buffers.directPixels(10).get(0), "the next image is written over the same memory");
        ByteBuffer large = new DecodeBuffers(100).directPixels(101);
        assertEquals(101, large.capacity());
    }

    @Test
    void negativeSizesAreRefusedNamingTheArgument() {
        DecodeBuffers buffers = new DecodeBuffers();
        assertEquals("bytes must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> buffers.pixelArray(-1)).getMessage());
        assertEquals("bytes must be >= 0, was -2",
                assertThrows(IllegalArgumentException.class, () -> buffers.directPixels(-2)).getMessage());
        assertEquals("keptBytes must be >= 0, was -3",
                assertThrows(IllegalArgumentException.class, () -> new DecodeBuffers(-3)).getMessage());
    }
}
