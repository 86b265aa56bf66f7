package dev.sluice.plugins.turbojpeg;

/** How much native scratch memory a decoding session keeps between images. */
final class Scratch {
    /**
     * Buffers up to 16 MB (a 2,300 x 2,300 RGB image) are kept and reused; a larger image gets
     * memory of its own, freed after its decode, so that one huge file does not pin hundreds of
     * megabytes per worker thread for the rest of the run.
     */
    static final long KEPT_BYTES = 16L << 20;

    private Scratch() {
    }

    /** The capacity to grow a kept buffer to for {@code needed} bytes: the next power of two, at least 64 KB. */
    static long grown(long needed) {
        return Math.max(64L << 10, Long.highestOneBit(Math.max(1, needed - 1)) << 1);
    }
}
