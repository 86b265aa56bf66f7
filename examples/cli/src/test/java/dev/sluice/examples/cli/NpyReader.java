package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a .npy file the way numpy.load does, checking the layout as it goes: what a test expects of NpyFiles. */
final class NpyReader {
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([<|>][a-z][0-9])', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\} *\n");

    /**
     * A parsed file.
     *
     * @param descr the NumPy type string, e.g. {@code <f4}
     * @param shape the dimensions
     * @param data the elements, little-endian
     */
    record Array(String descr, int[] shape, ByteBuffer data) {
        long[] longs() {
            long[] out = new long[data.remaining() / 8];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            return out;
        }

        /** The elements of a uint16 array, unsigned. */
        int[] uint16s() {
            int[] out = new int[data.remaining() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).getShort(2 * i) & 0xFFFF;
            }
            return out;
        }

        float[] floats() {
            float[] out = new float[data.remaining() / 4];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }
    }

    private NpyReader() {
    }

    static Array read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(bytes, 8),
                "magic string and version 1.0 of " + file);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64, "the data starts on a 64-byte boundary");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher matcher = HEADER.matcher(header);
        assertTrue(matcher.matches(), () -> "header of " + file + ": " + header);
        String dims = matcher.group(2).replace(" ", "");
        int[] shape = dims.isEmpty() ? new int[0]
                : Arrays.stream(dims.split(",")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        long elements = 1;
        for (int dim : shape) {
            elements *= dim;
        }
        int size = Integer.parseInt(matcher.group(1).substring(2));
        assertEquals(elements * size, bytes.length - 10 - headerLength, "bytes of data in " + file);
        return new Array(matcher.group(1), shape, ByteBuffer.wrap(bytes, 10 + headerLength,
                bytes.length - 10 - headerLength).slice());
    }
}
