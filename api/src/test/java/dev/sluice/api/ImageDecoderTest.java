package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.contract.SpecialFiles;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The default {@link ImageDecoder#decode(Path, DecodeOptions)}: reading the file and naming it in errors. */
class ImageDecoderTest {
    private static final Image PIXEL = Image.wrap(1, 1, 1, new byte[] {7});

    @Test
    void decodePathHandsTheFilesBytesToTheDecoder(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("a.png"), new byte[] {1, 2, 3});
        AtomicReference<byte[]> received = new AtomicReference<>();
        ImageDecoder recording = (encoded, options) -> {
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            received.set(bytes);
            return PIXEL;
        };
        assertSame(PIXEL, recording.decode(file, DecodeOptions.DEFAULT));
        assertArrayEquals(new byte[] {1, 2, 3}, received.get());
    }

    @Test
    void aMissingFileIsRefusedNamingIt(@TempDir Path folder) {
        Path missing = folder.resolve("missing.jpg");
        ImageDecoder decoder = (encoded, options) -> PIXEL;
        DecodeException refused = assertThrows(DecodeException.class,
                () -> decoder.decode(missing, DecodeOptions.DEFAULT));
        assertEquals(missing.toString(), refused.source());
        assertEquals("no such file", refused.reason());
        assertEquals(missing + ": no such file", refused.getMessage());
        assertInstanceOf(NoSuchFileException.class, refused.getCause());
    }

    @Test
    void aDirectoryIsRefusedNamingIt(@TempDir Path folder) {
        ImageDecoder decoder = (encoded, options) -> PIXEL;
        DecodeException refused = assertThrows(DecodeException.class,
                () -> decoder.decode(folder, DecodeOptions.DEFAULT));
        assertEquals(folder.toString(), refused.source());
        assertEquals("is a directory, not a regular file", refused.reason());
    }

    @Test
    void aFailureOnTheBytesIsRenamedAfterTheFileKeepingReasonAndCause(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("cut.png"), new byte[] {(byte) 0x89, 'P'});
        EOFException cause = new EOFException("end of stream");
        ImageDecoder decoder = (encoded, options) -> {
            throw new DecodeException("<bytes>", "truncated PNG data", cause);
        };
        DecodeException refused = assertThrows(DecodeException.class,
                () -> decoder.decode(file, DecodeOptions.DEFAULT));
        assertEquals(file.toString(), refused.source());
        assertEquals("truncated PNG data", refused.reason());
        assertEquals(file + ": truncated PNG data", refused.getMessage());
        assertSame(cause, refused.getCause());
    }

    @Test
    void decodeExceptionWithSourceKeepsTheOriginalStackTrace() {
        DecodeException original = new DecodeException("<bytes>", "corrupt");
        DecodeException renamed = original.withSource("x.jpg");
        assertEquals("x.jpg: corrupt", renamed.getMessage());
        assertArrayEquals(original.getStackTrace(), renamed.getStackTrace());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoNamedLikeAnImageIsRefusedInsteadOfHanging(@TempDir Path folder) throws Exception {
        // Issue 15, item 12: a FIFO named fifo.jpg in the root hung run and decode.
        Path fifo = SpecialFiles.fifo(folder.resolve("fifo.jpg"));
        ImageDecoder decoder = (encoded, options) -> PIXEL;
        DecodeException refused = assertThrows(DecodeException.class, () -> decoder.decode(fifo, DecodeOptions.DEFAULT));
        assertEquals(fifo + ": is a FIFO, not a regular file", refused.getMessage());
    }

    @Test
    void aDeviceIsRefusedInsteadOfReadWithoutEnd() {
        // Issue 15, item 11: an image that is /dev/zero was read until the heap ran out.
        Path zero = SpecialFiles.device(SpecialFiles.ZERO);
        ImageDecoder decoder = (encoded, options) -> PIXEL;
        DecodeException refused = assertThrows(DecodeException.class, () -> decoder.decode(zero, DecodeOptions.DEFAULT));
        assertEquals("/dev/zero: is a character device, not a regular file", refused.getMessage());
    }

    @Test
    void aHugePathIsCutInTheMessageButKeptInTheSource() {
        String path = "d/".repeat(1_000_000) + "x.jpg";
        DecodeException refused = new DecodeException(path, "no such file");
        assertEquals(path, refused.source());
        assertTrue(refused.getMessage().length() < 500, () -> refused.getMessage().length() + " characters");
    }
}
