package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.geometry.TargetMoves;
import dev.sluice.api.ReduceLimit;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.Size;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code resize}: torchvision's {@code Resize}, and the seed recipe's {@code resize_image}.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default), with the size in one of two forms:
 * <ul>
 *   <li>torchvision's: {@code size} ({@link #of(int)}, {@link #of(Size)}; required), a number (the
 *       shorter side becomes that, the longer one {@code int(size * long / short)}, truncated) or
 *       {@code [height, width]} in YAML; {@code max_size} ({@link #maxSize(int)}; none), with a
 *       single number only and greater than it, caps the longer side;</li>
 *   <li>the seed's: {@code height} and/or {@code width} ({@link #toHeight(int)},
 *       {@link #toWidth(int)}); a missing one keeps the aspect ratio ({@code int(h * width / w)},
 *       truncated);</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; bilinear): {@code nearest},
 *       {@code bilinear}, {@code bicubic} or {@code area};</li>
 *   <li>{@code antialias} ({@link #antialias(boolean)}; true, as in torchvision 2.x): with true,
 *       bilinear and bicubic are torchvision 0.14's antialiased tensor resize (PIL's method: within
 *       one level of PIL for bilinear, three for bicubic, since PIL rounds to 8 bits between its two
 *       passes); with false, every mode is {@code cv2.resize} (INTER_NEAREST, INTER_LINEAR,
 *       INTER_CUBIC, INTER_AREA) on 8-bit images, as the seed recipe's. Nearest and area are
 *       always OpenCV's.</li>
 * </ul>
 * An image already of the output size is returned as it is.
 *
 * <p>Under {@code decoder.reduce: auto} the decoder may hand it an image reduced by 2, 4 or 8 (the
 * largest that is still at least the output size on both sides and gives the same output size).
 *
 * <pre>{@code
 * - resize: {size: 256}                                    # YAML: shorter side 256, antialiased bilinear
 * Resize.of(256)                                           // Java
 * - resize: {height: 224, width: 224, antialias: false}    # YAML: cv2.resize, as the seed recipe
 * Resize.of(Size.square(224)).antialias(false)             // Java
 * }</pre>
 *
 * <p>A 16-bit image (decoder mode unchanged) is resized by the same kernel and coordinates in
 * float, as OpenCV resizes {@code CV_16U} and torchvision an integer tensor other than uint8, and
 * stays 16-bit.
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; images of 1 to 4
 * channels. It throws {@link IllegalArgumentException} when the output would have a side of 0.
 */
public final class Resize implements ImageTransform {
    /** Which rule turns the input size into the output size. */
    private enum Rule { SHORTER_SIDE, EXACT, SEED_HEIGHT, SEED_WIDTH, FACTORS }

    private final Rule rule;
    /** SHORTER_SIDE: the shorter side; SEED_HEIGHT, SEED_WIDTH: the side given; otherwise 0. */
    private final int side;
    /** EXACT: the output size; otherwise null. */
    private final Size exact;
    private final int maxSize;
    private final double fx;
    private final double fy;
    private final Interpolation interpolation;
    private final boolean antialias;

    private Resize(Rule rule, int side, Size exact, int maxSize, double fx, double fy, Interpolation interpolation,
            boolean antialias) {
        this.rule = rule;
        this.side = side;
        this.exact = exact;
        this.maxSize = maxSize;
        this.fx = fx;
        this.fy = fy;
        this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
        this.antialias = antialias;
    }

    /**
     * The shorter side resized to {@code size}, the longer one keeping the aspect ratio.
     *
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public static Resize of(int size) {
        return new Resize(Rule.SHORTER_SIDE, positive("size", size), null, 0, 0, 0, Interpolation.BILINEAR, true);
    }

    /** Every image resized to {@code size}. */
    public static Resize of(Size size) {
        return new Resize(Rule.EXACT, 0, Objects.requireNonNull(size, "size"), 0, 0, 0, Interpolation.BILINEAR, true);
    }

    /**
     * The seed's form: the height set to {@code height}, the width keeping the aspect ratio.
     *
     * @throws IllegalArgumentException when {@code height < 1}
     */
    public static Resize toHeight(int height) {
        return new Resize(Rule.SEED_HEIGHT, positive("height", height), null, 0, 0, 0, Interpolation.BILINEAR, true);
    }

    /**
     * The seed's form: the width set to {@code width}, the height keeping the aspect ratio.
     *
     * @throws IllegalArgumentException when {@code width < 1}
     */
    public static Resize toWidth(int width) {
        return new Resize(Rule.SEED_WIDTH, positive("width", width), null, 0, 0, 0, Interpolation.BILINEAR, true);
    }

    /** The seed's {@code scale_image}: {@code cv2.resize(dsize=None, fx=fx, fy=fy)}, for {@link Scale}. */
    static Resize factors(double fx, double fy, Interpolation interpolation, boolean antialias) {
        return new Resize(Rule.FACTORS, 0, null, 0, fx, fy, interpolation, antialias);
    }

    /**
     * This resize with the longer side capped at {@code maxSize}.
     *
     * @throws IllegalArgumentException unless this resize sets the shorter side ({@link #of(int)}) and
     *         {@code maxSize} is greater than it
     */
    public Resize maxSize(int maxSize) {
        if (rule != Rule.SHORTER_SIDE) {
            throw new IllegalArgumentException("max_size should only be passed if size specifies the length of the "
                    + "smaller edge, i.e. size should be a single number");
        }
        if (maxSize <= side) {
            throw new IllegalArgumentException("max_size = " + maxSize + " must be strictly greater than the requested "
                    + "size for the smaller edge size = " + side);
        }
        return new Resize(rule, side, exact, maxSize, fx, fy, interpolation, antialias);
    }

    /** This resize by {@code interpolation}. */
    public Resize interpolation(Interpolation interpolation) {
        return new Resize(rule, side, exact, maxSize, fx, fy, interpolation, antialias);
    }

    /** This resize, antialiased (torchvision's kernels) or not (OpenCV's), as the class description says. */
    public Resize antialias(boolean antialias) {
        return new Resize(rule, side, exact, maxSize, fx, fy, interpolation, antialias);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
        return value;
    }

    /**
     * The output size for an input of {@code width x height}.
     *
     * @throws IllegalArgumentException when a side would be 0 or overflow
     */
    public Size outputSize(int width, int height) {
        long[] out = unchecked(width, height);
        long outWidth = out[0];
        long outHeight = out[1];
        if (outWidth < 1 || outHeight < 1 || outWidth > Integer.MAX_VALUE || outHeight > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(this + " turns a " + width + "x" + height + " image into "
                    + outWidth + "x" + outHeight + "; both sides must be at least 1");
        }
        return new Size((int) outWidth, (int) outHeight);
    }

    /** The output {width, height} by the rule, before checking that it is a size at all. */
    private long[] unchecked(int width, int height) {
        return switch (rule) {
            case EXACT -> new long[] {exact.width(), exact.height()};
            case SHORTER_SIDE -> {
                boolean portrait = width <= height;
                long shortSide = portrait ? width : height;
                long longSide = portrait ? height : width;
                long newShort = side;
                long newLong = (long) ((double) (newShort * longSide) / shortSide);
                if (maxSize > 0 && newLong > maxSize) {
                    newShort = (long) ((double) ((long) maxSize * newShort) / newLong);
                    newLong = maxSize;
                }
                yield portrait ? new long[] {newShort, newLong} : new long[] {newLong, newShort};
            }
            case SEED_HEIGHT -> new long[] {(long) ((double) ((long) width * side) / height), side};
            case SEED_WIDTH -> new long[] {side, (long) ((double) ((long) height * side) / width)};
            case FACTORS -> new long[] {(long) Math.rint(width * fx), (long) Math.rint(height * fy)};
        };
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
        Size out = outputSize(width, height);
        if (rule == Rule.FACTORS) {
            return ResizeKernels.plan(interpolation, antialias, 0, 0, width, height, out.width(), out.height(), fx, fy);
        }
        return ResizeKernels.plan(interpolation, antialias, 0, 0, width, height, out.width(), out.height());
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        Size out = outputSize(image.width(), image.height());
        if (out.width() == image.width() && out.height() == image.height()) {
            return image;
        }
        if (image.dtype() != DType.UINT8) {
            Raster source = Raster.ofAnyDepth(image);
            int w = image.width();
            int h = image.height();
            Raster resized = rule == Rule.FACTORS
                    ? ResizeKernels.resizeWide(source, interpolation, antialias, 0, 0, w, h, out.width(), out.height(), fx, fy)
                    : ResizeKernels.resizeWide(source, interpolation, antialias, 0, 0, w, h, out.width(), out.height());
            return resized.toImage();
        }
        Resampler resampler = resampler(image.width(), image.height());
        ImageSink sink = new ImageSink(out.width(), out.height(), image.channels());
        resampler.resample(image, Window.whole(out.width(), out.height()), sink);
        return sink.raster().toImage();
    }

    /**
     * The image resized, and its targets as torchvision v2's {@code resize} moves them (coordinates
     * times {@code float32(new / old)} per axis, not clamped; the mask by nearest sampling, whatever
     * the image's interpolation); for {@code scale}, with the factors themselves, as OpenCV maps its
     * pixels ({@link TargetMoves#scale}).
     */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        return Targeted.of(apply(image, random), moveTargets(input.targets(), image.width(), image.height()));
    }

    /** The targets of a {@code width x height} image, moved as {@link #applyWithTargets} moves them. */
    public Targets moveTargets(Targets targets, int width, int height) {
        Size out = outputSize(width, height);
        if (rule == Rule.FACTORS) {
            return TargetMoves.scale(targets, fx, fy, out.width(), out.height());
        }
        return interpolation == Interpolation.NEAREST ? TargetMoves.resizedNearest(targets, out.width(), out.height())
                : targets.resized(out.width(), out.height());
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    @Override
    public String toString() {
        String sizeText = switch (rule) {
            case SHORTER_SIDE -> "resize(size=" + side + (maxSize > 0 ? ", max_size=" + maxSize : "");
            case EXACT -> "resize(size=" + exact;
            case SEED_HEIGHT -> "resize(height=" + side + ", width=auto";
            case SEED_WIDTH -> "resize(height=auto, width=" + side;
            case FACTORS -> "scale(fx=" + fx + ", fy=" + fy;
        };
        return sizeText + ", interpolation=" + interpolation.id() + ", antialias=" + antialias + ")";
    }
}
