package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.ReduceLimit;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.target.Targeted;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * A {@code compose} whose last step, after fusing, is a {@link SlotTransform} (a fused pipeline ending
 * in {@code to_tensor} or {@code normalize}): the steps before it run as {@code compose} runs them,
 * and the last one is only prepared, so that a loader can write each result into its slot of the
 * batch. {@link #apply} gives what {@code compose} gives.
 */
final class SlotCompose implements Transform<Object, Tensor>, SlotTransform<Object> {
    private final Compose compose;
    private final List<ConfiguredTransform> before;
    private final ConfiguredTransform last;

    private SlotCompose(Compose compose) {
        List<ConfiguredTransform> steps = compose.steps();
        this.compose = compose;
        this.before = steps.subList(0, steps.size() - 1);
        this.last = steps.get(steps.size() - 1);
    }

    /** {@code compose} itself, or a slot-writing view of it when its last step writes into slots. */
    static Transform<?, ?> of(Compose compose) {
        List<ConfiguredTransform> steps = compose.steps();
        return steps.get(steps.size() - 1).transform() instanceof SlotTransform<?> ? new SlotCompose(compose) : compose;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Pending prepare(Object input, RandomGenerator random) {
        Object value = ConfiguredTransform.applyAll(before, input, random);
        last.requireInput(value);
        return ((SlotTransform<Object>) last.transform()).prepare(value, random);
    }

    /** The steps before the last with their targets, then the last one prepared with them. */
    @Override
    @SuppressWarnings("unchecked")
    public Targeted<Pending> prepareWithTargets(Targeted<?> input, RandomGenerator random) {
        Targeted<Object> value = ConfiguredTransform.applyAllWithTargets(before, input, random);
        last.requireInput(value.value());
        return ((SlotTransform<Object>) last.transform()).prepareWithTargets(value, random);
    }

    /**
     * The last step's answer when it is the only step; false when steps run before it, which are
     * plain transforms that cannot say whether they keep what they are given.
     */
    @Override
    public boolean releasesInput() {
        return before.isEmpty() && ((SlotTransform<?>) last.transform()).releasesInput();
    }

    /** {@code compose}'s. */
    @Override
    public boolean carriesTargets() {
        return compose.carriesTargets();
    }

    /** {@code compose}'s: the steps as configured decide, fused or not. */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        return compose.reduceLimit(next);
    }

    @Override
    public Class<?> inputType() {
        return compose.inputType();
    }

    @Override
    public Class<?> outputType() {
        return Tensor.class;
    }

    /** {@code compose}'s. */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        return compose.outputChannels(input);
    }

    @Override
    public String toString() {
        return compose.toString();
    }
}
