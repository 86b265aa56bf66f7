package dev.sluice.api.contract;

import java.util.Arrays;

/** Edits of a file's bytes, for fuzzing: copies, never in place. */
final class Mutations {
    private Mutations() {
    }

    /** {@code bytes} with {@code inserted} put before position {@code at} (0 to {@code bytes.length}). */
    static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    /** {@code bytes} without the (up to) {@code length} bytes from position {@code at}. */
    static byte[] delete(byte[] bytes, int at, int length) {
        int end = Math.min(bytes.length, at + length);
        byte[] out = Arrays.copyOf(bytes, bytes.length - (end - at));
        System.arraycopy(bytes, end, out, at, bytes.length - end);
        return out;
    }
}
