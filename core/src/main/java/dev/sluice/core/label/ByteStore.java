package dev.sluice.core.label;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only byte store addressed by {@code long}, kept in chunks of 256 KiB so that it can grow
 * past the 2 GiB limit of one array without copying what it already holds. The last chunk starts
 * small and doubles, so a store of a few entries stays small.
 *
 * <p>Why 256 KiB: G1 gives an array of half a region or more ("humongous") whole regions of its own,
 * and regions are 1 MiB in heaps below 2 GiB. A 1 MiB chunk plus its header took two regions, so
 * the store used twice its size; 256 KiB chunks stay ordinary objects at every heap size.
 */
final class ByteStore {
    static final int CHUNK_BITS = 18;
    static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final long CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int FIRST_CAPACITY = 4096;

    private byte[][] chunks = new byte[4][];
    private int chunkCount = 1;
    private byte[] current = new byte[FIRST_CAPACITY];
    private int position;

    ByteStore() {
        chunks[0] = current;
    }

    /** The number of bytes stored. */
    long size() {
        return ((long) (chunkCount - 1) << CHUNK_BITS) + position;
    }

    /** Appends {@code text} as UTF-8 and returns the number of bytes written. */
    int appendUtf8(String text) {
        int length = text.length();
        if (current.length - position >= length && appendAscii(text, length)) {
            return length;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
                for (byte b : encoded) {
                    append(b);
                }
                return encoded.length;
            }
        }
        for (int i = 0; i < length; i++) {
            append((byte) text.charAt(i));
        }
        return length;
    }

    /** The common case: ASCII text that fits in the current chunk. False, writing nothing, otherwise. */
    private boolean appendAscii(String text, int length) {
        byte[] chunk = current;
        int at = position;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            chunk[at + i] = (byte) c;
        }
        position = at + length;
        return true;
    }

    void append(byte b) {
        if (position == current.length) {
            makeRoom();
        }
        current[position++] = b;
    }

    /** Appends {@code bytes} whole. */
    void append(byte[] bytes) {
        int copied = 0;
        while (copied < bytes.length) {
            if (position == current.length) {
                makeRoom();
            }
            int piece = Math.min(bytes.length - copied, current.length - position);
            System.arraycopy(bytes, copied, current, position, piece);
            position += piece;
            copied += piece;
        }
    }

    /** Copies {@code target.length} bytes from {@code offset} into {@code target}. */
    void copyTo(long offset, byte[] target) {
        int chunk = (int) (offset >>> CHUNK_BITS);
        int within = (int) (offset & CHUNK_MASK);
        int copied = 0;
        while (copied < target.length) {
            int piece = Math.min(target.length - copied, CHUNK_SIZE - within);
            System.arraycopy(chunks[chunk], within, target, copied, piece);
            copied += piece;
            chunk++;
            within = 0;
        }
    }

    /** Decodes {@code length} bytes from {@code offset} as UTF-8. */
    String utf8(long offset, int length) {
        int chunk = (int) (offset >>> CHUNK_BITS);
        int within = (int) (offset & CHUNK_MASK);
        if (within + length <= CHUNK_SIZE) {
            return new String(chunks[chunk], within, length, StandardCharsets.UTF_8);
        }
        byte[] joined = new byte[length];
        int copied = 0;
        while (copied < length) {
            int piece = Math.min(length - copied, CHUNK_SIZE - within);
            System.arraycopy(chunks[chunk], within, joined, copied, piece);
            copied += piece;
            chunk++;
            within = 0;
        }
        return new String(joined, StandardCharsets.UTF_8);
    }

    /** Releases the unused tail of the last chunk; the store can still grow afterwards. */
    void trim() {
        if (position < current.length) {
            current = Arrays.copyOf(current, position);
            chunks[chunkCount - 1] = current;
        }
        if (chunkCount < chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount);
        }
    }

    private void makeRoom() {
        if (current.length < CHUNK_SIZE) {
            current = Arrays.copyOf(current, Math.min(CHUNK_SIZE, Math.max(1, current.length) * 2));
            chunks[chunkCount - 1] = current;
            return;
        }
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        current = new byte[CHUNK_SIZE];
        chunks[chunkCount++] = current;
        position = 0;
    }
}
