package dev.sluice.plugins.opencv;

import java.util.zip.CRC32;

/**
 * Patches bytes and fixes the CRC-32 up again, as an attacker patching a cached library would: the
 * CRC is affine over GF(2), so the effect of the patch on it is cancelled by flipping a set of the
 * 32 bits that follow the patch, found by Gaussian elimination.
 */
final class CrcForgery {
    private CrcForgery() {
    }

    /**
     * {@code bytes} with the byte at {@code at} XORed with {@code patch} and the four bytes after it
     * changed so that the CRC-32 is that of {@code bytes}.
     *
     * @param at at most {@code bytes.length - 5}
     */
    static byte[] patchKeepingCrc(byte[] bytes, int at, byte patch) {
        // The CRC difference of a change depends only on the changed bits and their distance from the
        // end, so each is measured on a short window of zeros that ends where the data ends.
        int window = bytes.length - at;
        int target = effect(window, 0, patch & 0xFF);
        int[] columns = new int[32];
        for (int bit = 0; bit < 32; bit++) {
            columns[bit] = effect(window, 1 + bit / 8, 1 << (bit % 8));
        }
        int flips = solve(columns, target);
        byte[] out = bytes.clone();
        out[at] ^= patch;
        for (int bit = 0; bit < 32; bit++) {
            if ((flips >>> bit & 1) != 0) {
                out[at + 1 + bit / 8] ^= (byte) (1 << (bit % 8));
            }
        }
        return out;
    }

    /** The CRC change from XORing {@code value} into byte {@code offset} of {@code length} zero bytes. */
    private static int effect(int length, int offset, int value) {
        byte[] zeros = new byte[length];
        byte[] changed = new byte[length];
        changed[offset] = (byte) value;
        return crc(zeros) ^ crc(changed);
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** The set of columns (as a bit mask) whose XOR is {@code target}. */
    private static int solve(int[] columns, int target) {
        int[] rows = columns.clone();
        int[] combos = new int[32];
        for (int i = 0; i < 32; i++) {
            combos[i] = 1 << i;
        }
        int remaining = target;
        int used = 0;
        for (int bit = 31; bit >= 0; bit--) {
            int pivot = -1;
            for (int i = 0; i < 32; i++) {
                if (rows[i] != 0 && Integer.highestOneBit(rows[i]) == 1 << bit) {
                    pivot = i;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            for (int i = 0; i < 32; i++) {
                if (i != pivot && (rows[i] >>> bit & 1) != 0) {
                    rows[i] ^= rows[pivot];
                    combos[i] ^= combos[pivot];
                }
            }
            if ((remaining >>> bit & 1) != 0) {
                remaining ^= rows[pivot];
                used ^= combos[pivot];
            }
        }
        if (remaining != 0) {
            throw new IllegalStateException("the 32 bits after the patch cannot cancel its effect on the CRC");
        }
        return used;
    }
}
