package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.Raster;

/**
 * {@code random_vertical_flip}: torchvision's {@code RandomVerticalFlip}, the image mirrored top to bottom with
 * probability {@code p}.
 *
 * <p>Parameter (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code p} ({@link #of(double)}; 0.5): the probability of flipping, in [0, 1]. Like
 *       torchvision, each call draws one uniform number and flips when it is below {@code p}, so
 *       {@code p = 0} and {@code p = 1} still consume one draw.</li>
 * </ul>
 *
 * <pre>{@code
 * - random_vertical_flip: {p: 0.5}           # YAML
 * RandomVerticalFlip.of(0.5)               // Java
 * }</pre>
 *
 * <p>Key points are mirrored ({@code y' = H - 1 - y}) and keep their order, even with a mirror order
 * (the {@code yolo} format's {@code flip_idx}): Ultralytics swaps left and right on a horizontal flip only.
 *
 * <p>Immutable, safe for concurrent use; images of 1 to 4 channels, returned unchanged when it does not flip.
 */
public final class RandomVerticalFlip extends RandomFlip {

    private RandomVerticalFlip(double p) {
        super("random_vertical_flip", p);
    }

    /** A flip with probability 0.5. */
    public static RandomVerticalFlip of() {
        return new RandomVerticalFlip(0.5);
    }

    /**
     * A flip with probability {@code p}.
     *
     * @throws IllegalArgumentException when {@code p} is not in [0, 1]
     */
    public static RandomVerticalFlip of(double p) {
        return new RandomVerticalFlip(p);
    }

    @Override
    Raster flip(Raster source) {
        return upsideDown(source);
    }

    @Override
    Targets flip(Targets targets) {
        return targets.flippedVertically();
    }

    /** Top and bottom swapped. */
    static Raster upsideDown(Raster source) {
        int rowBytes = source.rowBytes();
        byte[] out = new byte[source.data.length];
        for (int y = 0; y < source.height; y++) {
            System.arraycopy(source.data, y * rowBytes, out, (source.height - 1 - y) * rowBytes, rowBytes);
        }
        return source.withPixels(out, source.width, source.height);
    }
}
