package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.ReduceLimit;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import java.util.random.RandomGenerator;

/**
 * {@code random_horizontal_flip} and {@code random_vertical_flip}: mirror the image with
 * probability {@code p}. Like torchvision, each call draws one uniform number and flips when it is
 * below {@code p}, so {@code p = 0} and {@code p = 1} still consume one draw.
 */
public final class RandomFlip implements ImageTransform {
    private final boolean horizontal;
    private final double p;

    RandomFlip(boolean horizontal, double p) {
        this.horizontal = horizontal;
        this.p = p;
    }

    /** Whether this call flips: one draw from {@code random}. */
    public boolean draw(RandomGenerator random) {
        return random.nextDouble() < p;
    }

    public boolean horizontal() {
        return horizontal;
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        if (!draw(random)) {
            return image;
        }
        Raster source = Raster.of(image);
        return (horizontal ? mirror(source) : upsideDown(source)).toImage();
    }

    /** Left and right swapped. */
    public static Raster mirror(Raster source) {
        int channels = source.channels;
        int rowBytes = source.rowBytes();
        byte[] in = source.data;
        byte[] out = new byte[in.length];
        for (int y = 0; y < source.height; y++) {
            int row = y * rowBytes;
            for (int x = 0, mirrored = rowBytes - channels; x < rowBytes; x += channels, mirrored -= channels) {
                for (int c = 0; c < channels; c++) {
                    out[row + mirrored + c] = in[row + x + c];
                }
            }
        }
        return new Raster(out, source.width, source.height, channels);
    }

    /** Top and bottom swapped. */
    static Raster upsideDown(Raster source) {
        int rowBytes = source.rowBytes();
        byte[] out = new byte[source.data.length];
        for (int y = 0; y < source.height; y++) {
            System.arraycopy(source.data, y * rowBytes, out, (source.height - 1 - y) * rowBytes, rowBytes);
        }
        return new Raster(out, source.width, source.height, source.channels);
    }

    /** Works pixel by pixel and keeps the size: whatever the steps after it allow. */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        return next;
    }

    @Override
    public String toString() {
        return (horizontal ? "random_horizontal_flip" : "random_vertical_flip") + "(p=" + p + ")";
    }
}
