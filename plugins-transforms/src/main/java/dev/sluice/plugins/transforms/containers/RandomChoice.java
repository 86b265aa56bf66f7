package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.target.Targeted;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code random_choice}: torchvision's {@code RandomChoice}: one of the steps, drawn per call with one
 * uniform number.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code transforms} ({@link #of(Transform...)}, {@link #of(List)}; required): the steps, as
 *       for {@link Compose};</li>
 *   <li>{@code p} ({@link #p(double...)}; uniform): one non-negative weight per step, not all zero
 *       (they need not sum to 1).</li>
 * </ul>
 *
 * <pre>{@code
 * - random_choice:                                                         # YAML
 *     transforms: [random_horizontal_flip, random_vertical_flip]
 *
 * RandomChoice.of(RandomHorizontalFlip.of(), RandomVerticalFlip.of())      // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use when every step is.
 */
public final class RandomChoice implements Transform<Object, Object> {
    private final List<ConfiguredTransform> steps;
    private final double[] weights;
    private final double[] cumulative;

    /** @param weights one non-negative weight per step, not all zero; null for uniform */
    RandomChoice(List<ConfiguredTransform> steps, double[] weights) {
        this.steps = List.copyOf(steps);
        this.weights = weights == null ? null : checked(weights, steps.size());
        this.cumulative = new double[steps.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += weights == null ? 1 : weights[i];
            cumulative[i] = total;
        }
    }

    private static double[] checked(double[] weights, int steps) {
        if (weights.length != steps) {
            throw new IllegalArgumentException("Length of p doesn't match the number of transforms: " + weights.length
                    + " != " + steps);
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("must hold finite weights >= 0, was " + Arrays.toString(weights));
            }
            total += w;
        }
        if (total == 0) {
            throw new IllegalArgumentException("Total of weights must be greater than zero");
        }
        return weights.clone();
    }

    /**
     * One of {@code steps}, each as likely.
     *
     * @throws IllegalArgumentException when there is no step
     */
    public static RandomChoice of(Transform<?, ?>... steps) {
        return of(List.of(steps));
    }

    /** As {@link #of(Transform...)}. */
    public static RandomChoice of(List<? extends Transform<?, ?>> steps) {
        return new RandomChoice(Steps.of("random_choice", steps), null);
    }

    /**
     * These steps, chosen with the weights {@code p}, one per step.
     *
     * @throws IllegalArgumentException when there is not one weight per step, one is negative or not
     *         finite, or all are zero
     */
    public RandomChoice p(double... p) {
        return new RandomChoice(steps, p);
    }

    /** The index of the step of one call: one draw. */
    int choose(RandomGenerator random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    @Override
    public Object apply(Object input, RandomGenerator random) {
        return steps.get(choose(random)).apply(input, random);
    }

    /** One draw, as {@link #apply}; the chosen step moves the targets. */
    @Override
    public Targeted<Object> applyWithTargets(Targeted<?> input, RandomGenerator random) {
        return steps.get(choose(random)).applyWithTargets(input, random);
    }

    /** Whether every choice carries targets. */
    @Override
    public boolean carriesTargets() {
        return ConfiguredTransform.carryTargets(steps);
    }

    /** Every choice checked with the count it gets; their count when they all give the same, otherwise unknown. */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        List<OptionalInt> outputs = Steps.eachChannels(steps, input, "the input of random_choice");
        return Steps.agreed(outputs.get(0), outputs);
    }

    /** What every choice allows. */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        ReduceLimit limit = steps.get(0).transform().reduceLimit(next);
        for (int i = 1; i < steps.size(); i++) {
            limit = limit.min(steps.get(i).transform().reduceLimit(next));
        }
        return limit;
    }

    @Override
    public String toString() {
        return "random_choice" + (weights == null ? "" : "(p=" + Arrays.toString(weights) + ")") + Steps.describe(steps);
    }
}
