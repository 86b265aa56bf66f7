package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code rand_augment}: torchvision's {@code RandAugment} on a uint8 image. Each call applies
 * {@code num_ops} ops, each drawn uniformly from Identity, ShearX, ShearY, TranslateX, TranslateY,
 * Rotate, Brightness, Color, Contrast, Sharpness, Posterize, Solarize, AutoContrast and Equalize, all
 * at bin {@code magnitude} of {@code num_magnitude_bins} (the ranges of {@link AutoAugment}), a signed
 * op negated with probability 1/2.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code num_ops} ({@link #numOps(int)}; 2): ops per call, {@code >= 0};</li>
 *   <li>{@code magnitude} ({@link #magnitude(int)}; 9): the bin, in {@code [0, num_magnitude_bins - 1]};</li>
 *   <li>{@code num_magnitude_bins} ({@link #numMagnitudeBins(int)}; 31): {@code >= 2};</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; nearest): nearest or bilinear;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; none): as {@link AutoAugment}'s.</li>
 * </ul>
 *
 * <pre>{@code
 * - rand_augment: {num_ops: 2, magnitude: 9}                      # YAML
 * RandAugment.of().numOps(2).magnitude(9)                         // Java
 * }</pre>
 *
 * <p>A sample with boxes, masks or key points is refused with an
 * {@link dev.sluice.api.target.UnsupportedTargetsException}, as torchvision v2 refuses it.
 *
 * <p>Immutable, safe for concurrent use; per op it draws the op and, for a signed op, the sign, as
 * torchvision 0.14 does. Images of 1 or 3 channels; it throws {@link IllegalArgumentException} for
 * others, and when a per-channel fill does not match the image.
 */
public final class RandAugment extends AutoAugmentFamily {
    private final int numOps;
    private final int magnitude;
    private final int numMagnitudeBins;
    private final Sampling sampling;

    private RandAugment(int numOps, int magnitude, int numMagnitudeBins, Sampling sampling) {
        super("rand_augment");
        if (numOps < 0) {
            throw new IllegalArgumentException("num_ops must be >= 0, was " + numOps);
        }
        if (numMagnitudeBins < 2) {
            throw new IllegalArgumentException("num_magnitude_bins must be >= 2, was " + numMagnitudeBins);
        }
        if (magnitude < 0 || magnitude >= numMagnitudeBins) {
            throw new IllegalArgumentException("magnitude must be a bin in [0, num_magnitude_bins - 1] = [0, "
                    + (numMagnitudeBins - 1) + "], was " + magnitude);
        }
        this.numOps = numOps;
        this.magnitude = magnitude;
        this.numMagnitudeBins = numMagnitudeBins;
        this.sampling = sampling;
    }

    /** Two ops at bin 9 of 31, nearest, no fill: torchvision's defaults. */
    public static RandAugment of() {
        return new RandAugment(2, 9, 31, new Sampling(Interpolation.NEAREST, null));
    }

    /**
     * {@code numOps} ops per call at bin {@code magnitude} of {@code numMagnitudeBins}, nearest, no fill.
     *
     * @throws IllegalArgumentException as {@link #numOps(int)}, {@link #magnitude(int)} and
     *         {@link #numMagnitudeBins(int)}
     */
    public static RandAugment of(int numOps, int magnitude, int numMagnitudeBins) {
        return new RandAugment(numOps, magnitude, numMagnitudeBins, new Sampling(Interpolation.NEAREST, null));
    }

    /**
     * This transform with {@code numOps} ops per call.
     *
     * @throws IllegalArgumentException when negative
     */
    public RandAugment numOps(int numOps) {
        return new RandAugment(numOps, magnitude, numMagnitudeBins, sampling);
    }

    /**
     * This transform at bin {@code magnitude}.
     *
     * @throws IllegalArgumentException unless in {@code [0, num_magnitude_bins - 1]}
     */
    public RandAugment magnitude(int magnitude) {
        return new RandAugment(numOps, magnitude, numMagnitudeBins, sampling);
    }

    /**
     * This transform with {@code numMagnitudeBins} bins.
     *
     * @throws IllegalArgumentException when below 2 or not above the magnitude (to lower both, use
     *         {@link #of(int, int, int)})
     */
    public RandAugment numMagnitudeBins(int numMagnitudeBins) {
        return new RandAugment(numOps, magnitude, numMagnitudeBins, sampling);
    }

    /**
     * This transform, its geometric ops sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public RandAugment interpolation(Interpolation interpolation) {
        return new RandAugment(numOps, magnitude, numMagnitudeBins, sampling.withInterpolation(interpolation));
    }

    /**
     * This transform, pixels its geometric ops uncover filled with {@code levels}.
     *
     * @throws IllegalArgumentException unless 1 to 4 levels in [0, 255]
     */
    public RandAugment fill(int... levels) {
        return new RandAugment(numOps, magnitude, numMagnitudeBins, sampling.withFill(levels));
    }

    /** The ops one call applies to an image of {@code width} x {@code height}, in order. */
    List<Step> draw(RandomGenerator random, int width, int height) {
        OpSpace space = OpSpace.autoAugment(true, numMagnitudeBins, width, height);
        List<Step> steps = new ArrayList<>(numOps);
        for (int i = 0; i < numOps; i++) {
            OpSpace.Entry entry = space.get(random.nextInt(space.size()));
            steps.add(Step.of(entry, magnitude, entry.signed() && random.nextInt(2) == 1));
        }
        return steps;
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        check(image);
        return Step.run(image, draw(random, image.width(), image.height()), sampling);
    }

    @Override
    Sampling sampling() {
        return sampling;
    }

    @Override
    public String toString() {
        return "rand_augment(num_ops=" + numOps + ", magnitude=" + magnitude + ", num_magnitude_bins="
                + numMagnitudeBins + ", " + sampling + ")";
    }
}
