package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.target.Targeted;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code random_order}: torchvision's {@code RandomOrder}: every step, in a uniformly random order
 * drawn first on each call (Fisher-Yates, one draw per step but the first). It allows no decode
 * reduction, since its steps may run in any order.
 *
 * <p>Parameter (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code transforms} ({@link #of(Transform...)}, {@link #of(List)}; required): the steps, as
 *       for {@link Compose}.</li>
 * </ul>
 *
 * <pre>{@code
 * - random_order:                                                          # YAML
 *     transforms: [random_horizontal_flip, {random_rotation: {degrees: 10}}]
 *
 * RandomOrder.of(RandomHorizontalFlip.of(), RandomRotation.of(10))         // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use when every step is.
 */
public final class RandomOrder implements Transform<Object, Object> {
    private final List<ConfiguredTransform> steps;

    RandomOrder(List<ConfiguredTransform> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Every one of {@code steps}, in a random order.
     *
     * @throws IllegalArgumentException when there is no step
     */
    public static RandomOrder of(Transform<?, ?>... steps) {
        return of(List.of(steps));
    }

    /** As {@link #of(Transform...)}. */
    public static RandomOrder of(List<? extends Transform<?, ?>> steps) {
        return new RandomOrder(Steps.of("random_order", steps));
    }

    /** A uniformly random permutation of the step indices (Fisher-Yates), drawn first on each call. */
    int[] order(RandomGenerator random) {
        int[] order = new int[steps.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    @Override
    public Object apply(Object input, RandomGenerator random) {
        List<ConfiguredTransform> shuffled = new ArrayList<>(steps.size());
        for (int i : order(random)) {
            shuffled.add(steps.get(i));
        }
        return ConfiguredTransform.applyAll(shuffled, input, random);
    }

    /** The order drawn as {@link #apply} draws it; each step in turn moves the targets. */
    @Override
    public Targeted<Object> applyWithTargets(Targeted<?> input, RandomGenerator random) {
        List<ConfiguredTransform> shuffled = new ArrayList<>(steps.size());
        for (int i : order(random)) {
            shuffled.add(steps.get(i));
        }
        return ConfiguredTransform.applyAllWithTargets(shuffled, input, random);
    }

    /** Whether every step carries targets. */
    @Override
    public boolean carriesTargets() {
        return ConfiguredTransform.carryTargets(steps);
    }

    /**
     * Every step checked with the count it gets; that count when every step keeps it (so any order
     * gives it), otherwise unknown: the steps after one that changes it are then checked per sample.
     */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        return Steps.agreed(input, Steps.eachChannels(steps, input, "the input of random_order"));
    }

    @Override
    public String toString() {
        return "random_order" + Steps.describe(steps);
    }
}
