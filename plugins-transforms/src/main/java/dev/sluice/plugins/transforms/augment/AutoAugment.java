package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code auto_augment}: torchvision's {@code AutoAugment} on a uint8 image. Each call picks one of the
 * policy's 25 sub-policies uniformly and applies each of its two ops with the op's probability, at
 * the op's magnitude bin of 10, negated with probability 1/2 when the op is signed. The ops and their
 * magnitudes are torchvision 0.14's: shears up to 0.3, translations up to 150/331 of the side
 * (truncated to whole pixels), rotations up to 30 degrees, brightness, colour, contrast and sharpness
 * factors 1 ± 0.9, posterize to 8 down to 4 bits, solarize thresholds 255 down to 0, autocontrast,
 * equalize and invert.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code policy} ({@link #of(AutoAugmentPolicy)}; imagenet): imagenet, cifar10 or svhn;</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; nearest): nearest or bilinear,
 *       for the shears, translations and rotations;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; none): 0 to 255, one level or one per channel, for pixels
 *       those ops uncover; none means torchvision's {@code fill=None} (0, no blending at the edge).</li>
 * </ul>
 *
 * <pre>{@code
 * - auto_augment: {policy: cifar10}                               # YAML
 * AutoAugment.of(AutoAugmentPolicy.CIFAR10)                       // Java
 * }</pre>
 *
 * <p>A sample with boxes, masks or key points is refused with an
 * {@link dev.sluice.api.target.UnsupportedTargetsException}, as torchvision v2 refuses it.
 *
 * <p>Immutable, safe for concurrent use; each call draws the sub-policy, two probabilities and two
 * signs, as torchvision 0.14 does. Images of 1 or 3 channels; it throws
 * {@link IllegalArgumentException} for others, and when a per-channel fill does not match the image.
 */
public final class AutoAugment extends AutoAugmentFamily {
    static final int BINS = 10;

    private final AutoAugmentPolicy policy;
    private final Sampling sampling;

    private AutoAugment(AutoAugmentPolicy policy, Sampling sampling) {
        super("auto_augment");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sampling = sampling;
    }

    /** The ImageNet policy, nearest, no fill. */
    public static AutoAugment of() {
        return of(AutoAugmentPolicy.IMAGENET);
    }

    /** {@code policy}, nearest, no fill. */
    public static AutoAugment of(AutoAugmentPolicy policy) {
        return new AutoAugment(policy, new Sampling(Interpolation.NEAREST, null));
    }

    /**
     * This transform, its geometric ops sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public AutoAugment interpolation(Interpolation interpolation) {
        return new AutoAugment(policy, sampling.withInterpolation(interpolation));
    }

    /**
     * This transform, pixels its geometric ops uncover filled with {@code levels}.
     *
     * @throws IllegalArgumentException unless 1 to 4 levels in [0, 255]
     */
    public AutoAugment fill(int... levels) {
        return new AutoAugment(policy, sampling.withFill(levels));
    }

    /** What one call does: the sub-policy drawn (an index into the policy's 25) and the ops it applies, in order. */
    record Draw(int subPolicy, List<Step> steps) {
    }

    /** One call's draws for an image of {@code width} x {@code height}, in torchvision 0.14's order. */
    Draw draw(RandomGenerator random, int width, int height) {
        List<AutoAugmentPolicy.SubPolicy> subPolicies = policy.subPolicies();
        int index = random.nextInt(subPolicies.size());
        double[] probabilities = {random.nextDouble(), random.nextDouble()};
        boolean[] negate = {random.nextInt(2) == 0, random.nextInt(2) == 0};
        OpSpace space = OpSpace.autoAugment(false, BINS, width, height);
        List<Step> steps = new ArrayList<>(2);
        AutoAugmentPolicy.PolicyOp[] ops = {subPolicies.get(index).first(), subPolicies.get(index).second()};
        for (int i = 0; i < 2; i++) {
            if (probabilities[i] <= ops[i].p()) {
                steps.add(Step.of(space.of(ops[i].op()), ops[i].bin(), negate[i]));
            }
        }
        return new Draw(index, steps);
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        check(image);
        return Step.run(image, draw(random, image.width(), image.height()).steps(), sampling);
    }

    @Override
    Sampling sampling() {
        return sampling;
    }

    @Override
    public String toString() {
        return "auto_augment(policy=" + policy.id() + ", " + sampling + ")";
    }
}
