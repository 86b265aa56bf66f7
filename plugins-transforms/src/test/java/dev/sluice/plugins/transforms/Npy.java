package dev.sluice.plugins.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} array as the fixtures store them (version 1, C order, {@code |u1},
 * {@code <u2} or {@code <f4}): its shape and its little-endian bytes.
 */
record Npy(String descriptor, int[] shape, ByteBuffer data) {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    public static Npy read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[5] != 'Y') {
            throw new IOException("not a .npy file");
        }
        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            headerStart = 10;
        } else {
            headerLength = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            headerStart = 12;
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        if (header.contains("'fortran_order': True")) {
            throw new IOException("Fortran-ordered arrays are not used by the fixtures");
        }
        Matcher descr = DESCR.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !shape.find()) {
            throw new IOException("unreadable .npy header: " + header);
        }
        String[] parts = shape.group(1).split(",");
        int dims = 0;
        int[] dimensions = new int[parts.length];
        for (String part : parts) {
            if (!part.isBlank()) {
                dimensions[dims++] = Integer.parseInt(part.trim());
            }
        }
        int[] exact = new int[dims];
        System.arraycopy(dimensions, 0, exact, 0, dims);
        int start = headerStart + headerLength;
        ByteBuffer data = ByteBuffer.wrap(bytes, start, bytes.length - start).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new Npy(descr.group(1), exact, data);
    }

    boolean isUint8() {
        return descriptor.equals("|u1");
    }

    boolean isUint16() {
        return descriptor.equals("<u2");
    }

    /** The elements of a uint8 or uint16 array, unsigned. */
    int[] levels() {
        ByteBuffer view = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[isUint16() ? view.remaining() / 2 : view.remaining()];
        for (int i = 0; i < out.length; i++) {
            out[i] = isUint16() ? view.getShort(2 * i) & 0xFFFF : view.get(i) & 0xFF;
        }
        return out;
    }

    boolean isFloat32() {
        return descriptor.equals("<f4");
    }

    byte[] bytes() {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }

    float[] floats() {
        float[] out = new float[data.remaining() / 4];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
