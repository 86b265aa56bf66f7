package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.Raster;
import java.util.List;
import java.util.Locale;

/** One drawn op with its signed magnitude (0 for the ops without one). */
record Step(AugmentOp op, double magnitude) {

    /** {@code entry}'s op at bin {@code bin} (ignored when it has no magnitude), negated when {@code negate} and signed. */
    static Step of(OpSpace.Entry entry, int bin, boolean negate) {
        double magnitude = entry.bins() == null ? 0.0 : entry.bins()[bin];
        return new Step(entry.op(), entry.signed() && negate ? -magnitude : magnitude);
    }

    /** The steps applied one after the other. */
    static Image run(Image image, List<Step> steps, Sampling sampling) {
        if (steps.isEmpty()) {
            return image;
        }
        Raster raster = Raster.of(image);
        for (Step step : steps) {
            raster = step.op.apply(raster, step.magnitude, sampling);
        }
        return raster.toImage();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(%s)", op.torchName(), magnitude);
    }
}
