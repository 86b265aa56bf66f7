package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.ReduceLimit;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.kernels.ImageSink;
import dev.sluice.plugins.transforms.kernels.Interpolation;
import dev.sluice.plugins.transforms.kernels.Resampler;
import dev.sluice.plugins.transforms.kernels.ResizeKernels;
import dev.sluice.plugins.transforms.kernels.Window;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * {@code resize} and {@code scale}: one image resampled to a new size, by one of three rules for the
 * size: torchvision's ({@code size} as the shorter side or (h, w), with {@code max_size}), the seed's
 * ({@code height} and/or {@code width}, a missing one keeping the aspect ratio with Python's
 * {@code int()}), or OpenCV's factors ({@code fx}, {@code fy}, sizes rounded half to even).
 */
public final class Resize implements ImageTransform {
    /** Which rule turns the input size into the output size. */
    enum Rule { TORCHVISION, SEED, FACTORS }

    private final Rule rule;
    /** TORCHVISION: {shorter} or {height, width}; SEED: {height, width} with -1 for a missing side. */
    private final int[] size;
    private final int maxSize;
    private final double fx;
    private final double fy;
    private final Interpolation interpolation;
    private final boolean antialias;

    private Resize(Rule rule, int[] size, int maxSize, double fx, double fy, Interpolation interpolation,
            boolean antialias) {
        this.rule = rule;
        this.size = size;
        this.maxSize = maxSize;
        this.fx = fx;
        this.fy = fy;
        this.interpolation = interpolation;
        this.antialias = antialias;
    }

    /** torchvision: {@code size} of one element (shorter side) or two (height, width); {@code maxSize} 0 for none. */
    static Resize torchvision(int[] size, int maxSize, Interpolation interpolation, boolean antialias) {
        return new Resize(Rule.TORCHVISION, size.clone(), maxSize, 0, 0, interpolation, antialias);
    }

    /** The seed's {@code resize_image}: either side may be -1, meaning "keep the aspect ratio". */
    static Resize seed(int height, int width, Interpolation interpolation, boolean antialias) {
        return new Resize(Rule.SEED, new int[] {height, width}, 0, 0, 0, interpolation, antialias);
    }

    /** The seed's {@code scale_image}: {@code cv2.resize(dsize=None, fx=fx, fy=fy)}. */
    static Resize factors(double fx, double fy, Interpolation interpolation, boolean antialias) {
        return new Resize(Rule.FACTORS, null, 0, fx, fy, interpolation, antialias);
    }

    /**
     * The output {width, height} for an input of {@code width x height}.
     *
     * @throws IllegalArgumentException when a side would be 0 or overflow
     */
    public int[] outputSize(int width, int height) {
        long[] out = unchecked(width, height);
        long outWidth = out[0];
        long outHeight = out[1];
        if (outWidth < 1 || outHeight < 1 || outWidth > Integer.MAX_VALUE || outHeight > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(this + " turns a " + width + "x" + height + " image into "
                    + outWidth + "x" + outHeight + "; both sides must be at least 1");
        }
        return new int[] {(int) outWidth, (int) outHeight};
    }

    /** The output {width, height} by the rule, before checking that it is a size at all. */
    private long[] unchecked(int width, int height) {
        long outWidth;
        long outHeight;
        switch (rule) {
            case TORCHVISION -> {
                if (size.length == 2) {
                    outHeight = size[0];
                    outWidth = size[1];
                } else {
                    boolean portrait = width <= height;
                    long shortSide = portrait ? width : height;
                    long longSide = portrait ? height : width;
                    long newShort = size[0];
                    long newLong = (long) ((double) (newShort * longSide) / shortSide);
                    if (maxSize > 0 && newLong > maxSize) {
                        newShort = (long) ((double) ((long) maxSize * newShort) / newLong);
                        newLong = maxSize;
                    }
                    outWidth = portrait ? newShort : newLong;
                    outHeight = portrait ? newLong : newShort;
                }
            }
            case SEED -> {
                outHeight = size[0];
                outWidth = size[1];
                if (outHeight < 0) {
                    outHeight = (long) ((double) ((long) height * outWidth) / width);
                } else if (outWidth < 0) {
                    outWidth = (long) ((double) ((long) width * outHeight) / height);
                }
            }
            default -> {
                outWidth = (long) Math.rint(width * fx);
                outHeight = (long) Math.rint(height * fy);
            }
        }
        return new long[] {outWidth, outHeight};
    }

    /**
     * Reduction by f is allowed when the image reduced by f is at least the output size on both
     * sides and gives the same output size as the full image: the aspect ratio of a reduced image
     * moves slightly with the rounding up, and a side computed from it may come out one pixel off,
     * which would change the shape of the samples. {@code scale}'s output size is proportional to its
     * input, so it allows none.
     */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        if (rule == Rule.FACTORS) {
            return ReduceLimit.NONE;
        }
        return (width, height) -> {
            long[] full = unchecked(width, height);
            if (full[0] < 1 || full[1] < 1) {
                return 1; // apply refuses this size; at full size its message names the image as stored
            }
            return ReducedSizes.largest(width, height, (reducedWidth, reducedHeight) -> reducedWidth >= full[0]
                    && reducedHeight >= full[1] && Arrays.equals(unchecked(reducedWidth, reducedHeight), full));
        };
    }

    /** The resampler for a whole {@code width x height} input. */
    public Resampler resampler(int width, int height) {
        int[] out = outputSize(width, height);
        if (rule == Rule.FACTORS) {
            return ResizeKernels.plan(interpolation, antialias, 0, 0, width, height, out[0], out[1], fx, fy);
        }
        return ResizeKernels.plan(interpolation, antialias, 0, 0, width, height, out[0], out[1]);
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        int[] out = outputSize(image.width(), image.height());
        if (out[0] == image.width() && out[1] == image.height()) {
            return image;
        }
        Resampler resampler = resampler(image.width(), image.height());
        ImageSink sink = new ImageSink(out[0], out[1], image.channels());
        resampler.resample(Raster.of(image), Window.whole(out[0], out[1]), sink);
        return sink.raster().toImage();
    }

    @Override
    public String toString() {
        String sizeText = switch (rule) {
            case TORCHVISION -> "resize(size=" + (size.length == 1 ? String.valueOf(size[0]) : size[0] + "x" + size[1])
                    + (maxSize > 0 ? ", max_size=" + maxSize : "");
            case SEED -> "resize(height=" + (size[0] < 0 ? "auto" : size[0]) + ", width=" + (size[1] < 0 ? "auto" : size[1]);
            case FACTORS -> "scale(fx=" + fx + ", fy=" + fy;
        };
        return sizeText + ", interpolation=" + interpolation.id() + ", antialias=" + antialias + ")";
    }
}
