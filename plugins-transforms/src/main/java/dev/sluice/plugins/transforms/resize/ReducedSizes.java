package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.spi.Reductions;

/**
 * The largest decode reduction a transform that sets its output size allows, found by trying 8, 4
 * and 2 on the reduced sizes: for {@code resize} and {@code random_resized_crop}'s
 * {@link dev.sluice.api.Transform#reduceLimit}. Public only so that this pack's packages share it.
 */
public final class ReducedSizes {
    private ReducedSizes() {
    }

    /** Whether a transform still gets what it needs from an image reduced to this size. */
    @FunctionalInterface
    public interface Fit {
        /** Whether an image of {@code reducedWidth x reducedHeight} still gives the transform what it needs. */
        boolean fits(int reducedWidth, int reducedHeight);
    }

    /**
     * The largest of 8, 4 and 2 whose reduced size ({@code ceil(side / f)}, as the decoders give it)
     * {@code fit} accepts, or 1. Each factor is tried on its own, so a fit need not hold for every
     * factor below one it accepts.
     */
    public static int largest(int width, int height, Fit fit) {
        for (int factor = 8; factor > 1; factor /= 2) {
            if (fit.fits(Reductions.reducedLength(width, factor), Reductions.reducedLength(height, factor))) {
                return factor;
            }
        }
        return 1;
    }
}
