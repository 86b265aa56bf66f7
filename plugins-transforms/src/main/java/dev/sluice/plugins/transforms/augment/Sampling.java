package dev.sluice.plugins.transforms.augment;

import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Arrays;
import java.util.Objects;

/**
 * How the geometric ops sample: nearest or bilinear, and the levels of pixels they uncover, or none
 * (torchvision's {@code fill=None}: uncovered pixels are 0 and, for bilinear, edge pixels are not
 * blended with a fill colour).
 */
record Sampling(Interpolation interpolation, int[] fill) {

    Sampling {
        Objects.requireNonNull(interpolation, "interpolation");
        if (interpolation != Interpolation.NEAREST && interpolation != Interpolation.BILINEAR) {
            throw new IllegalArgumentException("interpolation must be nearest or bilinear, was " + interpolation.id());
        }
        fill = fill == null ? null : FillLevels.checked(fill);
    }

    /** A copy of the levels, or null for none. */
    @Override
    public int[] fill() {
        return fill == null ? null : fill.clone();
    }

    Sampling withInterpolation(Interpolation next) {
        return new Sampling(Objects.requireNonNull(next, "interpolation"), fill);
    }

    Sampling withFill(int... levels) {
        return new Sampling(interpolation, Objects.requireNonNull(levels, "fill"));
    }

    /** The fill checked against an image's channels: one level or one per channel. */
    void check(int channels) {
        if (fill != null) {
            FillLevels.level(fill, 0, channels);
        }
    }

    @Override
    public String toString() {
        return "interpolation=" + interpolation.id() + ", fill=" + (fill == null ? "None" : Arrays.toString(fill));
    }
}
