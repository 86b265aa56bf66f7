package dev.sluice.api.spi;

/**
 * The rows of one decoded component at the output size of a scaled JPEG decode, upsampled as
 * libjpeg-turbo does (jdsample.c): a component at half the output resolution in one direction is
 * doubled there by its "fancy" triangle filter (3/4 of the nearer sample and 1/4 of the further,
 * rounded alternately down and up; edges repeat the component's last real sample or row), except at
 * 1/8, where libjpeg-turbo turns fancy upsampling off, and across components fewer than three
 * samples wide: there each sample is repeated.
 */
final class ComponentRows {
    private final byte[] plane;
    private final int stride;
    /** The component's real samples across and down; its blocks' padding beyond them is never read. */
    private final int across;
    private final int down;
    private final int ratioAcross;
    private final int ratioDown;
    private final boolean fancy;
    private final byte[] vertical;

    /**
     * @param ratioAcross 1 or 2: output samples per component sample across
     * @param ratioDown 1 or 2, likewise down; not both 2 when {@code fancy}
     */
    ComponentRows(byte[] plane, int stride, int across, int down, int ratioAcross, int ratioDown, boolean fancy) {
        if (fancy && ratioAcross == 2 && ratioDown == 2) {
            throw new IllegalArgumentException("libjpeg's two-way fancy upsampling is not needed at a reduced scale");
        }
        this.plane = plane;
        this.stride = stride;
        this.across = across;
        this.down = down;
        this.ratioAcross = ratioAcross;
        this.ratioDown = ratioDown;
        this.fancy = fancy;
        this.vertical = new byte[across];
    }

    /** Samples per row written by {@link #row}: at least the output width. */
    int length() {
        return across * ratioAcross;
    }

    /** Writes output row {@code y} into {@code into[0, length())}. */
    void row(int y, byte[] into) {
        byte[] source = plane;
        int from;
        if (ratioDown == 1) {
            from = y * stride;
        } else if (!fancy) {
            from = (y >> 1) * stride;
        } else {
            int near = (y >> 1) * stride;
            boolean upper = (y & 1) == 0;
            int far = (upper ? Math.max((y >> 1) - 1, 0) : Math.min((y >> 1) + 1, down - 1)) * stride;
            int bias = upper ? 1 : 2;
            for (int x = 0; x < across; x++) {
                vertical[x] = (byte) ((3 * (plane[near + x] & 0xFF) + (plane[far + x] & 0xFF) + bias) >> 2);
            }
            source = vertical;
            from = 0;
        }
        if (ratioAcross == 1) {
            System.arraycopy(source, from, into, 0, across);
        } else if (!fancy || across <= 2) {
            for (int x = 0; x < across; x++) {
                into[2 * x] = source[from + x];
                into[2 * x + 1] = source[from + x];
            }
        } else {
            doubleAcross(source, from, into);
        }
    }

    private void doubleAcross(byte[] source, int from, byte[] into) {
        int first = source[from] & 0xFF;
        into[0] = (byte) first;
        into[1] = (byte) ((3 * first + (source[from + 1] & 0xFF) + 2) >> 2);
        for (int x = 1; x < across - 1; x++) {
            int nearer = 3 * (source[from + x] & 0xFF);
            into[2 * x] = (byte) ((nearer + (source[from + x - 1] & 0xFF) + 1) >> 2);
            into[2 * x + 1] = (byte) ((nearer + (source[from + x + 1] & 0xFF) + 2) >> 2);
        }
        int last = source[from + across - 1] & 0xFF;
        into[2 * across - 2] = (byte) ((3 * last + (source[from + across - 2] & 0xFF) + 1) >> 2);
        into[2 * across - 1] = (byte) last;
    }
}
