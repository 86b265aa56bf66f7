package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code trivial_augment_wide}: torchvision's {@code TrivialAugmentWide} on a uint8 image. Each call
 * applies one op drawn uniformly from the fourteen of {@link RandAugment}, at a bin drawn uniformly
 * from {@code num_magnitude_bins}, a signed op negated with probability 1/2. The ranges are wider than
 * RandAugment's and do not depend on the image: shears up to 0.99, translations up to 32 pixels,
 * rotations up to 135 degrees, factors 1 ± 0.99, posterize to 8 down to 2 bits, solarize 255 down to 0.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code num_magnitude_bins} ({@link #numMagnitudeBins(int)}; 31): {@code >= 2};</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; nearest): nearest or bilinear;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; none): as {@link AutoAugment}'s.</li>
 * </ul>
 *
 * <pre>{@code
 * - trivial_augment_wide: {num_magnitude_bins: 31}                # YAML
 * TrivialAugmentWide.of().numMagnitudeBins(31)                    // Java
 * }</pre>
 *
 * <p>A sample with boxes, masks or key points is refused with an
 * {@link dev.sluice.api.target.UnsupportedTargetsException}, as torchvision v2 refuses it.
 *
 * <p>Immutable, safe for concurrent use; each call draws the op, then its bin when it has a
 * magnitude, then its sign when it is signed, as torchvision 0.14 does. Images of 1 or 3 channels; it
 * throws {@link IllegalArgumentException} for others, and when a per-channel fill does not match the image.
 */
public final class TrivialAugmentWide extends AutoAugmentFamily {
    private final int numMagnitudeBins;
    private final Sampling sampling;
    private final OpSpace space;

    private TrivialAugmentWide(int numMagnitudeBins, Sampling sampling) {
        super("trivial_augment_wide");
        if (numMagnitudeBins < 2) {
            throw new IllegalArgumentException("num_magnitude_bins must be >= 2, was " + numMagnitudeBins);
        }
        this.numMagnitudeBins = numMagnitudeBins;
        this.sampling = sampling;
        this.space = OpSpace.trivialAugmentWide(numMagnitudeBins);
    }

    /** 31 bins, nearest, no fill: torchvision's defaults. */
    public static TrivialAugmentWide of() {
        return new TrivialAugmentWide(31, new Sampling(Interpolation.NEAREST, null));
    }

    /**
     * This transform with {@code numMagnitudeBins} bins.
     *
     * @throws IllegalArgumentException when below 2
     */
    public TrivialAugmentWide numMagnitudeBins(int numMagnitudeBins) {
        return new TrivialAugmentWide(numMagnitudeBins, sampling);
    }

    /**
     * This transform, its geometric ops sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public TrivialAugmentWide interpolation(Interpolation interpolation) {
        return new TrivialAugmentWide(numMagnitudeBins, sampling.withInterpolation(interpolation));
    }

    /**
     * This transform, pixels its geometric ops uncover filled with {@code levels}.
     *
     * @throws IllegalArgumentException unless 1 to 4 levels in [0, 255]
     */
    public TrivialAugmentWide fill(int... levels) {
        return new TrivialAugmentWide(numMagnitudeBins, sampling.withFill(levels));
    }

    /** The op one call applies. */
    Step draw(RandomGenerator random) {
        OpSpace.Entry entry = space.get(random.nextInt(space.size()));
        int bin = entry.bins() == null ? 0 : random.nextInt(numMagnitudeBins);
        return Step.of(entry, bin, entry.signed() && random.nextInt(2) == 1);
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        check(image);
        return Step.run(image, List.of(draw(random)), sampling);
    }

    @Override
    Sampling sampling() {
        return sampling;
    }

    @Override
    public String toString() {
        return "trivial_augment_wide(num_magnitude_bins=" + numMagnitudeBins + ", " + sampling + ")";
    }
}
