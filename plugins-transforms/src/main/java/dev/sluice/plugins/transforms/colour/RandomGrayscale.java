package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.api.target.Targeted;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.KeepsSize;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code random_grayscale}: torchvision's {@code RandomGrayscale}: with probability {@code p}, the
 * image made grey by {@link Grayscale}'s formula and kept in as many channels as it had (an RGB image
 * stays 3 channels with R = G = B; a grey image is returned as it is).
 *
 * <p>Parameter (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code p} ({@link #of(double)}; 0.1): the probability of turning grey, in [0, 1].</li>
 * </ul>
 *
 * <pre>{@code
 * - random_grayscale: {p: 0.2}     # YAML
 * RandomGrayscale.of(0.2)          // Java
 * }</pre>
 *
 * <p>Boxes, masks and key points are passed on unchanged. Immutable, safe for concurrent use; like torchvision, each call draws one uniform number and turns
 * grey when it is below {@code p}, so {@code p = 0} and {@code p = 1} still consume one draw. Images of
 * 1 or 3 channels, 8-bit; it throws {@link IllegalArgumentException} for others, and for a 16-bit
 * image whether or not the call would turn it grey.
 */
public final class RandomGrayscale implements ImageTransform, KeepsSize<Image, Image> {
    private static final Grayscale TO_RGB = Grayscale.of(3);

    private final double p;

    private RandomGrayscale(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be a probability in [0, 1], was " + p);
        }
        this.p = p;
    }

    /** Grey with probability 0.1, torchvision's default. */
    public static RandomGrayscale of() {
        return new RandomGrayscale(0.1);
    }

    /**
     * Grey with probability {@code p}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
     */
    public static RandomGrayscale of(double p) {
        return new RandomGrayscale(p);
    }

    /** Whether one call turns the image grey: one uniform draw, below {@code p}. */
    boolean draw(RandomGenerator random) {
        return random.nextDouble() < p;
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        Grayscale.requireGreyOrRgb(image, "random_grayscale");
        // Refused whether or not this call turns it grey, so a 16-bit pipeline fails on its first sample.
        Raster.requireEightBit(image, "random_grayscale");
        if (!draw(random) || image.channels() == 1) {
            return image;
        }
        return TO_RGB.apply(image, random);
    }

    /** The image as {@link #apply} gives it, its targets passed on: turning grey moves no pixel. */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        return input.map(image -> apply(image, random));
    }

    /** True: it passes targets on. */
    @Override
    public boolean carriesTargets() {
        return true;
    }

    /**
     * The count it gets: grey stays grey, RGB stays 3 channels.
     *
     * @throws IllegalArgumentException for 2 or 4 channels
     */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        if (input.isPresent() && input.getAsInt() != 1 && input.getAsInt() != 3) {
            throw new IllegalArgumentException("random_grayscale takes images of 1 or 3 channels");
        }
        return input;
    }

    @Override
    public String toString() {
        return "random_grayscale(p=" + p + ")";
    }
}
