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
import java.util.random.RandomGenerator;

/**
 * {@code random_resized_crop}: torchvision's {@code RandomResizedCrop}. A crop of random area
 * (fraction {@code scale} of the image) and aspect ratio (log-uniform in {@code ratio}) is cut out
 * and resized to {@code size}; after ten rejected tries it falls back to the largest central crop
 * whose ratio is within bounds. The resize is the one {@code resize} does, read straight from the
 * crop's pixels.
 */
public final class RandomResizedCrop implements ImageTransform {
    private static final int TRIES = 10;

    public final int height;
    public final int width;
    private final double[] scale;
    private final double[] ratio;
    public final Interpolation interpolation;
    public final boolean antialias;

    RandomResizedCrop(int height, int width, double[] scale, double[] ratio, Interpolation interpolation,
            boolean antialias) {
        this.height = height;
        this.width = width;
        this.scale = scale.clone();
        this.ratio = ratio.clone();
        this.interpolation = interpolation;
        this.antialias = antialias;
    }

    /**
     * torchvision's {@code get_params}: {top, left, height, width} of the crop. Each try draws the area
     * fraction and then the log aspect ratio, and, once a crop fits, its top and then its left.
     */
    public int[] window(int imageWidth, int imageHeight, RandomGenerator random) {
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
                return new int[] {top, left, h, w};
            }
        }
        return centralFallback(imageWidth, imageHeight);
    }

    /** The crop after ten failed tries: the whole image, narrowed or flattened to the nearest allowed ratio. */
    int[] centralFallback(int imageWidth, int imageHeight) {
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
        return new int[] {(imageHeight - h) / 2, (imageWidth - w) / 2, h, w};
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
        if (Math.sqrt(least * ratio[0]) < width || Math.sqrt(least / ratio[1]) < height) {
            return false;
        }
        int[] fallback = centralFallback(imageWidth, imageHeight);
        return fallback[2] >= height && fallback[3] >= width;
    }

    private static double uniform(RandomGenerator random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        int[] crop = window(image.width(), image.height(), random);
        return resizedCrop(image, crop[0], crop[1], crop[2], crop[3]);
    }

    /** torchvision's {@code resized_crop}: the crop {@code (top, left, h, w)} resized to this transform's size. */
    Image resizedCrop(Image image, int top, int left, int h, int w) {
        Raster source = Raster.of(image);
        if (h == height && w == width) {
            return Crops.cut(source, left, top, w, h).toImage();
        }
        Resampler resampler = ResizeKernels.plan(interpolation, antialias, left, top, w, h, width, height);
        ImageSink sink = new ImageSink(width, height, image.channels());
        resampler.resample(source, Window.whole(width, height), sink);
        return sink.raster().toImage();
    }

    @Override
    public String toString() {
        return "random_resized_crop(size=" + height + "x" + width + ", scale=[" + scale[0] + ", " + scale[1]
                + "], ratio=[" + ratio[0] + ", " + ratio[1] + "], interpolation=" + interpolation.id()
                + ", antialias=" + antialias + ")";
    }
}
