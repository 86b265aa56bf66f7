package dev.sluice.core.wiring;

import dev.sluice.api.ColorMode;

/**
 * How large an image the loader's workers may decode at once without exhausting the heap: every
 * worker may hold a decoded image, and a decode holds {@value #COPIES} full copies of it on the heap
 * at its peak (the codec's buffer and Sluice's samples); all workers' copies must fit in the heap
 * ({@code -Xmx}). A 20 KB palette PNG of 13000 x 13000 decodes to 507 MB of RGB; six of them
 * aborted a two-worker run with "Java heap space" under {@code on_error: skip} before this bound
 * turned each into a sample error naming the image. The bound counts the stored size, as
 * {@link dev.sluice.api.DecodeOptions#maxPixels()} does, also when the image is decoded reduced.
 */
final class DecodeBudget {
    static final int COPIES = 2;

    private DecodeBudget() {
    }

    /**
     * The largest {@code width * height} each of {@code numWorkers} workers (0: the calling thread
     * decodes) may decode in {@code mode} within {@code heapBytes}, at least 1.
     */
    static long maxPixels(long heapBytes, int numWorkers, ColorMode mode) {
        long channels = switch (mode) {
            case GRAY -> 1;
            case RGB -> 3;
            case UNCHANGED -> 4;
        };
        long decoders = Math.max(1, numWorkers);
        return Math.max(1, heapBytes / (COPIES * channels * decoders));
    }
}
