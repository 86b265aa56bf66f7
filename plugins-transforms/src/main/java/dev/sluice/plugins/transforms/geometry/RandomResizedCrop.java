package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Region;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.resize.ImageSink;
import dev.sluice.plugins.transforms.resize.Interpolation;
import dev.sluice.plugins.transforms.resize.ReducedSizes;
import dev.sluice.plugins.transforms.resize.Resampler;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.resize.ResizeKernels;
import dev.sluice.plugins.transforms.resize.Window;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code random_resized_crop}: torchvision's {@code RandomResizedCrop}. A crop of random area and
 * aspect ratio is cut out and resized to {@code size}.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code size} ({@link #of(int)}, {@link #of(Size)}; required): a number for a square, or
 *       {@code [height, width]} in YAML;</li>
 *   <li>{@code scale} ({@link #scale(double, double)}; {@code [0.08, 1.0]}): the crop's area as a
 *       fraction of the image's, drawn uniformly;</li>
 *   <li>{@code ratio} ({@link #ratio(double, double)}; {@code [3/4, 4/3]}): its width over height,
 *       drawn uniformly in log space;</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; bilinear) and {@code antialias}
 *       ({@link #antialias(boolean)}; true): as for {@link Resize}.</li>
 * </ul>
 * Up to ten crops are drawn (area, then log ratio) until one fits the image; then its top and left
 * are drawn. After ten misses the crop is the largest central one whose ratio is within
 * {@code ratio}. The resize is the one {@code resize} does, read straight from the crop's pixels.
 *
 * <p>Under {@code decoder.reduce: auto} the decoder may hand it an image reduced by 2, 4 or 8 when
 * even the smallest crop it can cut from that (least area, extreme ratio, or the central fallback)
 * is at least {@code size}: the crops are then drawn from the reduced image.
 *
 * <pre>{@code
 * - random_resized_crop: {size: 224, scale: [0.08, 1.0]}         # YAML
 * RandomResizedCrop.of(224).scale(0.08, 1.0).ratio(3 / 4., 4 / 3.)  // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use; images of 1 to 4 channels.
 */
public final class RandomResizedCrop implements ImageTransform {
    private static final int TRIES = 10;

    private final Size size;
    private final double[] scale;
    private final double[] ratio;
    private final Interpolation interpolation;
    private final boolean antialias;

    private RandomResizedCrop(Size size, double[] scale, double[] ratio, Interpolation interpolation,
            boolean antialias) {
        this.size = Objects.requireNonNull(size, "size");
        this.scale = scale;
        this.ratio = ratio;
        this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
        this.antialias = antialias;
    }

    /**
     * A square output of side {@code size}, with torchvision's defaults.
     *
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public static RandomResizedCrop of(int size) {
        return of(Size.square(size));
    }

    /** An output of {@code size}, with torchvision's defaults. */
    public static RandomResizedCrop of(Size size) {
        return new RandomResizedCrop(size, new double[] {0.08, 1.0}, new double[] {3.0 / 4.0, 4.0 / 3.0},
                Interpolation.BILINEAR, true);
    }

    /**
     * This crop, with area fractions drawn from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code 0 < min <= max}
     */
    public RandomResizedCrop scale(double min, double max) {
        if (!(min > 0 && min <= max)) {
            throw new IllegalArgumentException("scale must be [min, max] with 0 < min <= max, was [" + min + ", " + max + "]");
        }
        return new RandomResizedCrop(size, new double[] {min, max}, ratio, interpolation, antialias);
    }

    /**
     * This crop, with aspect ratios (width over height) drawn log-uniformly from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code 0 < min <= max} and both are finite
     */
    public RandomResizedCrop ratio(double min, double max) {
        if (!(min > 0 && min <= max) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("ratio must be [min, max] with 0 < min <= max, finite, was [" + min + ", "
                    + max + "]");
        }
        return new RandomResizedCrop(size, scale, new double[] {min, max}, interpolation, antialias);
    }

    /** This crop, resized by {@code interpolation}. */
    public RandomResizedCrop interpolation(Interpolation interpolation) {
        return new RandomResizedCrop(size, scale, ratio, interpolation, antialias);
    }

    /** This crop, resized with or without antialiasing, as {@link Resize#antialias(boolean)}. */
    public RandomResizedCrop antialias(boolean antialias) {
        return new RandomResizedCrop(size, scale, ratio, interpolation, antialias);
    }

    /** The output size. */
    public Size size() {
        return size;
    }

    /** How the crop is resized. */
    public Interpolation interpolation() {
        return interpolation;
    }

    /** Whether bilinear and bicubic resizing is antialiased. */
    public boolean antialias() {
        return antialias;
    }

    /**
     * torchvision's {@code get_params}: the rectangle of the crop. Each try draws the area
     * fraction and then the log aspect ratio, and, once a crop fits, its top and then its left.
     */
    public Region window(int imageWidth, int imageHeight, RandomGenerator random) {
        double area = (double) imageHeight * imageWidth;
        double logLow = Math.log(ratio[0]);
        double logHigh = Math.log(ratio[1]);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            double targetArea = area * uniform(random, scale[0], scale[1]);
            double aspect = Math.exp(uniform(random, logLow, logHigh));
            int w = (int) Math.rint(Math.sqrt(targetArea * aspect));
            int h = (int) Math.rint(Math.sqrt(targetArea / aspect));
            if (0 < w && w <= imageWidth && 0 < h && h <= imageHeight) {
                int top = random.nextInt(imageHeight - h + 1);
                int left = random.nextInt(imageWidth - w + 1);
                return new Region(left, top, w, h);
            }
        }
        return centralFallback(imageWidth, imageHeight);
    }

    /** The crop after ten failed tries: the whole image, narrowed or flattened to the nearest allowed ratio. */
    Region centralFallback(int imageWidth, int imageHeight) {
        double inRatio = (double) imageWidth / imageHeight;
        int w;
        int h;
        if (inRatio < ratio[0]) {
            w = imageWidth;
            h = (int) Math.rint(w / ratio[0]);
        } else if (inRatio > ratio[1]) {
            h = imageHeight;
            w = (int) Math.rint(h * ratio[1]);
        } else {
            w = imageWidth;
            h = imageHeight;
        }
        return new Region((imageWidth - w) / 2, (imageHeight - h) / 2, w, h);
    }

    /**
     * Reduction by f is allowed when even the smallest crop this transform can cut from the reduced
     * image is at least the output size: the least area fraction with the narrowest ratio for the
     * width ({@code sqrt(A * scale_min * ratio_min)}), with the widest for the height
     * ({@code sqrt(A * scale_min / ratio_max)}), and the central fallback crop. The crop is then
     * always shrunk (or copied), never enlarged, as from the full-size image.
     */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        return (imageWidth, imageHeight) -> ReducedSizes.largest(imageWidth, imageHeight, this::smallestCropFits);
    }

    private boolean smallestCropFits(int imageWidth, int imageHeight) {
        double least = (double) imageWidth * imageHeight * scale[0];
        if (Math.sqrt(least * ratio[0]) < size.width() || Math.sqrt(least / ratio[1]) < size.height()) {
            return false;
        }
        Region fallback = centralFallback(imageWidth, imageHeight);
        return fallback.height() >= size.height() && fallback.width() >= size.width();
    }

    private static double uniform(RandomGenerator random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return resizedCrop(image, window(image.width(), image.height(), random));
    }

    /**
     * One crop drawn; the image cut and resized, and its targets as torchvision v2's
     * {@code resized_crop} moves them: cropped (boxes clamped), then resized to the output size
     * (not clamped again), the mask by nearest sampling.
     */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        Region crop = window(image.width(), image.height(), random);
        return Targeted.of(resizedCrop(image, crop), moveTargets(input.targets(), crop));
    }

    /** The targets of the crop {@code crop} resized to the output size. */
    public Targets moveTargets(Targets targets, Region crop) {
        Targets cropped = targets.cropped(crop.x(), crop.y(), crop.width(), crop.height());
        return interpolation == Interpolation.NEAREST ? TargetMoves.resizedNearest(cropped, size.width(), size.height())
                : cropped.resized(size.width(), size.height());
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /** torchvision's {@code resized_crop}: the crop {@code crop} resized to this transform's size. */
    Image resizedCrop(Image image, Region crop) {
        if (crop.width() == size.width() && crop.height() == size.height()) {
            return Crop.cut(Raster.ofAnyDepth(image), crop).toImage();
        }
        if (image.dtype() != DType.UINT8) {
            return ResizeKernels.resizeWide(Raster.ofAnyDepth(image), interpolation, antialias, crop.x(), crop.y(), crop.width(), crop.height(),
                    size.width(), size.height()).toImage();
        }
        Resampler resampler = resampler(crop);
        ImageSink sink = new ImageSink(size.width(), size.height(), image.channels());
        resampler.resample(image, Window.whole(size.width(), size.height()), sink);
        return sink.raster().toImage();
    }

    /** The resampler from the rectangle {@code crop} of the source to the output size. */
    public Resampler resampler(Region crop) {
        return ResizeKernels.plan(interpolation, antialias, crop.x(), crop.y(), crop.width(), crop.height(), size.width(),
                size.height());
    }

    @Override
    public String toString() {
        return "random_resized_crop(size=" + size + ", scale=[" + scale[0] + ", " + scale[1]
                + "], ratio=[" + ratio[0] + ", " + ratio[1] + "], interpolation=" + interpolation.id()
                + ", antialias=" + antialias + ")";
    }
}
