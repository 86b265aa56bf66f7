package dev.sluice.core.wiring;

import dev.sluice.api.ColorMode;

/**
 * How large an image the loader's workers may decode at once without exhausting the heap: every
 * worker may hold a decoded image, and a decode holds {@value #COPIES} copies of it on the heap at
 * its peak (the codec's buffer, Sluice's samples, a turned or cut copy), all of which must fit in
 * half the heap, the other half left to batches, prefetched tensors and the rest. A 20 KB palette
 * PNG of 13000 x 13000 decodes to 507 MB of RGB; six of them aborted a two-worker run with "Java
 * heap space" before this bound turned each into a sample error naming the image.
 */
final class DecodeBudget {
    static final int COPIES = 3;

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
        return Math.max(1, heapBytes / 2 / (COPIES * channels * decoders));
    }
}
