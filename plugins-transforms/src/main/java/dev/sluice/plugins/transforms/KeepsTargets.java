package dev.sluice.plugins.transforms;

import dev.sluice.api.Transform;
import dev.sluice.api.target.Targeted;
import java.util.random.RandomGenerator;

/**
 * A transform of this pack that changes pixel values but not where they are (colour, blur,
 * {@code to_tensor}, {@code normalize}, {@code to_dtype}), so that it passes a sample's targets on as
 * they are, as torchvision v2's photometric transforms do.
 *
 * @param <I> what it takes
 * @param <O> what it gives
 */
public interface KeepsTargets<I, O> extends Transform<I, O> {

    /** {@link #apply} to the value, drawing what it draws; the targets unchanged. */
    @Override
    default Targeted<O> applyWithTargets(Targeted<? extends I> input, RandomGenerator random) {
        return input.map(value -> apply(value, random));
    }

    /** Always: the targets stay where they are. */
    @Override
    default boolean carriesTargets() {
        return true;
    }
}
