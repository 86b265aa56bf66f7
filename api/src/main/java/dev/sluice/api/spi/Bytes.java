package dev.sluice.api.spi;

import java.nio.ByteBuffer;

/**
 * Unsigned reads at absolute indices of a buffer, in either byte order, for the header parsers.
 * Every read is bounds-checked by the caller first ({@link #has}); none moves the buffer's position.
 */
final class Bytes {
    private Bytes() {
    }

    /** Whether {@code count} bytes starting at {@code at} lie inside the buffer. */
    static boolean has(ByteBuffer data, long at, long count) {
        return at >= 0 && count >= 0 && at + count <= data.limit();
    }

    static int u8(ByteBuffer data, int at) {
        return data.get(at) & 0xFF;
    }

    static int u16(ByteBuffer data, int at, boolean bigEndian) {
        int a = u8(data, at);
        int b = u8(data, at + 1);
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    static long u32(ByteBuffer data, int at, boolean bigEndian) {
        long a = u16(data, at, bigEndian);
        long b = u16(data, at + 2, bigEndian);
        return bigEndian ? (a << 16) | b : (b << 16) | a;
    }

    /** Whether the bytes at {@code at} are the ASCII characters of {@code text}. */
    static boolean ascii(ByteBuffer data, int at, String text) {
        if (!has(data, at, text.length())) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data.get(at + i) != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
