package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFilesTest {
    @TempDir
    Path dir;

    @Test
    void theHeaderIsNumpysVersionOneDictPaddedTo64Bytes() {
        byte[] header = NpyFiles.header(DType.FLOAT32, new int[] {7, 3, 96, 96});
        assertEquals(128, header.length);
        String dict = new String(header, 10, header.length - 10, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (7, 3, 96, 96), }", dict.stripTrailing());
        assertEquals('\n', dict.charAt(dict.length() - 1));
        assertEquals(118, (header[8] & 0xFF) | (header[9] & 0xFF) << 8);
    }

    @Test
    void aOneDimensionalShapeIsAOneElementTupleAndAScalarAnEmptyOne() {
        String vector = new String(NpyFiles.header(DType.INT64, new int[] {7}), StandardCharsets.US_ASCII);
        assertEquals(true, vector.contains("'shape': (7,), }"), vector);
        String scalar = new String(NpyFiles.header(DType.INT64, new int[0]), StandardCharsets.US_ASCII);
        assertEquals(true, scalar.contains("'shape': (), }"), scalar);
    }

    @Test
    void aTensorIsWrittenWithItsDtypeShapeAndLittleEndianElements() throws IOException {
        Path file = dir.resolve("labels.npy");
        NpyFiles.write(file, Tensor.ofLongs(new int[] {2, 3}, 1, 2, 3, -4, 5, 1L << 40));
        NpyReader.Array array = NpyReader.read(file);
        assertEquals("<i8", array.descr());
        assertArrayEquals(new int[] {2, 3}, array.shape());
        assertArrayEquals(new long[] {1, 2, 3, -4, 5, 1L << 40}, array.longs());
        byte[] raw = Files.readAllBytes(file);
        int data = raw.length - 6 * 8;
        assertEquals(0, data % 64, "the elements start on a 64-byte boundary");
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(raw, data, data + 8),
                "1 as int64, little-endian");
    }

    @Test
    void anImageIsWrittenAsUint8HeightByWidthByChannels() throws IOException {
        Path file = dir.resolve("image.npy");
        byte[] pixels = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 255};
        NpyFiles.write(file, Image.wrap(2, 2, 3, pixels));
        NpyReader.Array array = NpyReader.read(file);
        assertEquals("|u1", array.descr());
        assertArrayEquals(new int[] {2, 2, 3}, array.shape());
        byte[] data = new byte[array.data().remaining()];
        array.data().duplicate().get(data);
        assertArrayEquals(pixels, data);
        byte[] raw = Files.readAllBytes(file);
        assertEquals(0, (raw.length - pixels.length) % 64, "the samples start on a 64-byte boundary");
        assertEquals((byte) 255, raw[raw.length - 1]);
    }
}
