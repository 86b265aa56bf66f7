package dev.sluice.core.label.coco;

import java.util.Arrays;

/**
 * COCO's compressed RLE text ({@code "counts": "PPYo0..."}), as the COCO API's {@code rleFrString}
 * defines it: each run length is written in groups of 5 bits, least significant first, each group
 * as the character {@code 48 + group}, with bit 0x20 set on every group but the last and bit 0x10
 * of the last group giving the sign; from the fourth run on, the value written is the difference
 * from the run two before. Every character and every run is checked: a text the COCO API would
 * read past or wrap around is refused.
 */
final class CompressedCounts {
    /** Seven groups carry 35 bits, more than any run of an image below 2^31 pixels needs. */
    private static final int MAX_GROUPS = 7;

    private CompressedCounts() {
    }

    /**
     * The run lengths of {@code text}.
     *
     * @throws IllegalArgumentException naming the character or run that is wrong
     */
    static int[] decode(String text) {
        int[] counts = new int[Math.min(text.length(), 1024)];
        int m = 0;
        int p = 0;
        while (p < text.length()) {
            long value = 0;
            int groups = 0;
            boolean more = true;
            while (more) {
                if (p >= text.length()) {
                    throw new IllegalArgumentException("the text ends inside run " + m);
                }
                int c = text.charAt(p) - 48;
                if (c < 0 || c > 63) {
                    throw new IllegalArgumentException("character " + p + " '" + text.charAt(p)
                            + "' is not a compressed RLE character ('0' to 'o')");
                }
                if (groups == MAX_GROUPS) {
                    throw new IllegalArgumentException("run " + m + " has more than " + MAX_GROUPS + " characters");
                }
                value |= (long) (c & 0x1f) << 5 * groups;
                more = (c & 0x20) != 0;
                p++;
                groups++;
                if (!more && (c & 0x10) != 0) {
                    value |= -1L << 5 * groups;
                }
            }
            if (m > 2) {
                value += counts[m - 2];
            }
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("run " + m + " is " + value + "; runs are 0 to " + Integer.MAX_VALUE);
            }
            if (m == counts.length) {
                counts = Arrays.copyOf(counts, Math.min(text.length(), counts.length * 2));
            }
            counts[m++] = (int) value;
        }
        return Arrays.copyOf(counts, m);
    }
}
