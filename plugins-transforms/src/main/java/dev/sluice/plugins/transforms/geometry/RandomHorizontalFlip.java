package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.Raster;

/**
 * {@code random_horizontal_flip}: torchvision's {@code RandomHorizontalFlip}, the image mirrored left to right with
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
 * - random_horizontal_flip: {p: 0.5}           # YAML
 * RandomHorizontalFlip.of(0.5)               // Java
 * }</pre>
 *
 * <p>Targets move as {@link Targets#flippedHorizontally()} moves them: key points are mirrored
 * ({@code x' = W - 1 - x}) and, when they carry a mirror order (the {@code yolo} format's
 * {@code flip_idx}), change places by it with their visibilities, as Ultralytics' {@code RandomFlip}
 * does, so that a left eye stays the left eye. Without a mirror order only x changes, as in torchvision.
 *
 * <p>Immutable, safe for concurrent use; images of 1 to 4 channels, returned unchanged when it does not flip.
 */
public final class RandomHorizontalFlip extends RandomFlip {

    private RandomHorizontalFlip(double p) {
        super("random_horizontal_flip", p);
    }

    /** A flip with probability 0.5. */
    public static RandomHorizontalFlip of() {
        return new RandomHorizontalFlip(0.5);
    }

    /**
     * A flip with probability {@code p}.
     *
     * @throws IllegalArgumentException when {@code p} is not in [0, 1]
     */
    public static RandomHorizontalFlip of(double p) {
        return new RandomHorizontalFlip(p);
    }

    @Override
    Raster flip(Raster source) {
        return mirror(source);
    }

    @Override
    Targets flip(Targets targets) {
        return targets.flippedHorizontally();
    }

    /** Left and right swapped. */
    static Raster mirror(Raster source) {
        int channels = source.pixelBytes();
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
        return source.withPixels(out, source.width, source.height);
    }
}
