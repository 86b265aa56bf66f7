package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forms {@link BorrowingImageDecoder} makes from its subclass's one method. */
class BorrowingImageDecoderTest {
    private static final byte[] FILE = {3, 1, 4, 1, 5};

    /** Returns a one-row grey image of the bytes it was given, into the lent array when there is one. */
    private static final class Recording extends BorrowingImageDecoder {
        final List<DecodeBuffers> lent = new ArrayList<>();

        @Override
        public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
            lent.add(buffers);
            int length = encoded.remaining();
            byte[] pixels = buffers == null ? new byte[length] : buffers.pixelArray(length);
            encoded.duplicate().get(pixels, 0, length);
            return Image.wrap(length, 1, 1, ByteBuffer.wrap(pixels, 0, length));
        }
    }

    @Test
    void decodingBytesWithoutBuffersHandsTheOneMethodNull() throws Exception {
        Recording decoder = new Recording();
        Image image = decoder.decode(ByteBuffer.wrap(FILE), DecodeOptions.DEFAULT);
        assertArrayEquals(FILE, image.toArray());
        assertEquals(1, decoder.lent.size());
        assertNull(decoder.lent.get(0));
    }

    @Test
    void decodingAFileWithoutBuffersReadsItAndHandsTheOneMethodNull(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("a.raw"), FILE);
        Recording decoder = new Recording();
        assertArrayEquals(FILE, decoder.decode(file, DecodeOptions.DEFAULT).toArray());
        assertNull(decoder.lent.get(0));
    }

    @Test
    void decodingAFileWithBuffersReadsItIntoThemAndLendsThemOn(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("a.raw"), FILE);
        DecodeBuffers buffers = new DecodeBuffers();
        Recording decoder = new Recording();
        Image image = decoder.decode(file, DecodeOptions.DEFAULT, buffers);
        assertArrayEquals(FILE, image.toArray());
        assertSame(buffers, decoder.lent.get(0));
        buffers.pixelArray(FILE.length)[0] = 99;
        assertEquals(99, image.pixels().get(0), "the image is over the lent pixel array");
    }

    @Test
    void aFailureOfAFileDecodedWithBuffersNamesTheFile(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("cut.raw"), FILE);
        BorrowingImageDecoder failing = new BorrowingImageDecoder() {
            @Override
            public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
                throw new DecodeException("<bytes>", "truncated data");
            }
        };
        DecodeException refused = assertThrows(DecodeException.class,
                () -> failing.decode(file, DecodeOptions.DEFAULT, new DecodeBuffers()));
        assertEquals(file + ": truncated data", refused.getMessage());
        DecodeException missing = assertThrows(DecodeException.class,
                () -> failing.decode(folder.resolve("missing.raw"), DecodeOptions.DEFAULT, new DecodeBuffers()));
        assertEquals(folder.resolve("missing.raw") + ": no such file", missing.getMessage());
    }

    @Test
    void aFileDecodedWithNullBuffersIsRefusedNamingTheArgument(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("a.raw"), FILE);
        NullPointerException refused = assertThrows(NullPointerException.class,
                () -> new Recording().decode(file, DecodeOptions.DEFAULT, null));
        assertEquals("buffers", refused.getMessage());
    }
}
