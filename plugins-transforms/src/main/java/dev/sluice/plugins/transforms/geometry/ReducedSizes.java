package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.spi.Reductions;

/** The largest decode reduction a transform allows, found by trying 8, 4 and 2 on the reduced sizes. */
final class ReducedSizes {
    private ReducedSizes() {
    }

    /** Whether a transform still gets what it needs from an image reduced to this size. */
    @FunctionalInterface
    interface Fit {
        boolean fits(int reducedWidth, int reducedHeight);
    }

    /**
     * The largest of 8, 4 and 2 whose reduced size ({@code ceil(side / f)}, as the decoders give it)
     * {@code fit} accepts, or 1. Each factor is tried on its own, so a fit need not hold for every
     * factor below one it accepts.
     */
    static int largest(int width, int height, Fit fit) {
        for (int factor = 8; factor > 1; factor /= 2) {
            if (fit.fits(Reductions.reducedLength(width, factor), Reductions.reducedLength(height, factor))) {
                return factor;
            }
        }
        return 1;
    }
}
