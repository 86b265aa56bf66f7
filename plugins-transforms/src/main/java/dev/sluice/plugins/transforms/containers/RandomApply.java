package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.target.Targeted;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code random_apply}: torchvision's {@code RandomApply}: with probability {@code p} all of the
 * steps, in order, otherwise none. Each call draws one uniform number u first and skips the steps
 * when {@code p < u}, as torchvision does.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code transforms} ({@link #of(Transform...)}, {@link #of(List)}; required): the steps, as
 *       for {@link Compose};</li>
 *   <li>{@code p} ({@link #p(double)}; 0.5): the probability of applying them.</li>
 * </ul>
 *
 * <pre>{@code
 * - random_apply:                                                               # YAML
 *     p: 0.8
 *     transforms:
 *       - color_jitter: {brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1}
 *
 * RandomApply.of(ColorJitter.of().brightness(0.4).contrast(0.4).saturation(0.4).hue(0.1)).p(0.8)   // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use when every step is; it returns its input unchanged when it skips.
 */
public final class RandomApply implements Transform<Object, Object> {
    private final List<ConfiguredTransform> configured;
    private final Compose steps;
    private final double p;

    RandomApply(List<ConfiguredTransform> steps, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be a probability in [0, 1], was " + p);
        }
        this.configured = steps;
        this.steps = new Compose(steps);
        this.p = p;
    }

    /**
     * The steps, applied with probability 0.5.
     *
     * @throws dev.sluice.api.OptionsException when a step does not take what the one before it gives
     * @throws IllegalArgumentException when there is no step
     */
    public static RandomApply of(Transform<?, ?>... steps) {
        return of(List.of(steps));
    }

    /** As {@link #of(Transform...)}. */
    public static RandomApply of(List<? extends Transform<?, ?>> steps) {
        return new RandomApply(Steps.of("random_apply", steps), 0.5);
    }

    /**
     * These steps, applied with probability {@code p}.
     *
     * @throws IllegalArgumentException when {@code p} is not in [0, 1]
     */
    public RandomApply p(double p) {
        return new RandomApply(configured, p);
    }

    @Override
    public Object apply(Object input, RandomGenerator random) {
        if (p < random.nextDouble()) {
            return input;
        }
        return steps.apply(input, random);
    }

    /** One draw, as {@link #apply}; the steps move the targets when they run, and leave them when skipped. */
    @Override
    public Targeted<Object> applyWithTargets(Targeted<?> input, RandomGenerator random) {
        if (p < random.nextDouble()) {
            return Targeted.of(input.value(), input.targets());
        }
        return steps.applyWithTargets(input, random);
    }

    /** Whether every step carries targets. */
    @Override
    public boolean carriesTargets() {
        return steps.carriesTargets();
    }

    /** What both the skipped and the applied branch allow. */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        return next.min(steps.reduceLimit(next));
    }

    /** The steps checked; the count when both branches give the same, otherwise unknown. */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        return Steps.agreed(input, List.of(steps.outputChannels(input)));
    }

    @Override
    public String toString() {
        return "random_apply(p=" + p + ")" + Steps.describe(steps.steps());
    }
}
