package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.KeepsSize;
import dev.sluice.plugins.transforms.KeepsTargets;
import dev.sluice.plugins.transforms.Raster;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code grayscale}: torchvision's {@code Grayscale} with the formula of its tensor path,
 * {@code L = 0.2989 R + 0.587 G + 0.114 B} in float32, truncated to 8 bits. (PIL's
 * {@code convert("L")} rounds instead, and OpenCV's and Sluice's grey decoding round with
 * 0.299/0.587/0.114, so those are up to one level brighter.) The tensor formula is the one
 * {@code color_jitter} must use to match torchvision, so both use it. A grey image passes through,
 * or is repeated into 3 channels; images with alpha are refused, as torchvision refuses them.
 *
 * <p>Parameter (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code num_output_channels} ({@link #of(int)}; 1): 1, or 3 for the grey level repeated.</li>
 * </ul>
 *
 * <pre>{@code
 * - grayscale: {num_output_channels: 3}     # YAML
 * Grayscale.of(3)                           // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; it throws
 * {@link IllegalArgumentException} for an image of 2 or 4 channels.
 */
public final class Grayscale implements ImageTransform, KeepsTargets<Image, Image>, KeepsSize<Image, Image> {
    private static final float R = 0.2989f;
    private static final float G = 0.587f;
    private static final float B = 0.114f;

    private final int outputChannels;

    private Grayscale(int outputChannels) {
        if (outputChannels != 1 && outputChannels != 3) {
            throw new IllegalArgumentException("num_output_channels should be either 1 or 3, was " + outputChannels);
        }
        this.outputChannels = outputChannels;
    }

    /** One grey channel out. */
    public static Grayscale of() {
        return new Grayscale(1);
    }

    /**
     * {@code numOutputChannels} channels out: 1, or 3 with the grey level repeated.
     *
     * @throws IllegalArgumentException unless 1 or 3
     */
    public static Grayscale of(int numOutputChannels) {
        return new Grayscale(numOutputChannels);
    }

    /** The luminance of each pixel of an RGB raster, as torchvision's {@code rgb_to_grayscale} on uint8. */
    static byte[] luminance(Raster rgb) {
        byte[] in = rgb.data;
        byte[] out = new byte[rgb.width * rgb.height];
        for (int p = 0, at = 0; p < out.length; p++, at += 3) {
            out[p] = (byte) (int) (R * (in[at] & 0xFF) + G * (in[at + 1] & 0xFF) + B * (in[at + 2] & 0xFF));
        }
        return out;
    }

    /** @throws IllegalArgumentException unless the image has 1 or 3 channels */
    static void requireGreyOrRgb(Image image, String what) {
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException(what + " takes images of 1 or 3 channels, this one has "
                    + image.channels() + " (" + image + ")");
        }
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        requireGreyOrRgb(image, "grayscale");
        Raster.requireEightBit(image, "grayscale");
        Raster raster = Raster.of(image);
        byte[] grey = image.channels() == 3 ? luminance(raster) : raster.data;
        if (outputChannels == 1) {
            return image.channels() == 1 ? image : Image.wrap(image.width(), image.height(), 1, grey);
        }
        byte[] out = new byte[grey.length * 3];
        for (int p = 0; p < grey.length; p++) {
            out[3 * p] = grey[p];
            out[3 * p + 1] = grey[p];
            out[3 * p + 2] = grey[p];
        }
        return Image.wrap(image.width(), image.height(), 3, out);
    }

    /** {@code num_output_channels}, whatever it gets. */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        return OptionalInt.of(outputChannels);
    }

    @Override
    public String toString() {
        return "grayscale(num_output_channels=" + outputChannels + ")";
    }
}
