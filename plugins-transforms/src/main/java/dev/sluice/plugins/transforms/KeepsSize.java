package dev.sluice.plugins.transforms;

import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Transform;

/**
 * A transform of this pack that works sample by sample and keeps the size (a flip, a colour change,
 * a cast), so that the decoder may reduce as far as the steps after it allow, as
 * {@link Transform#reduceLimit} describes.
 *
 * @param <I> what it takes
 * @param <O> what it gives
 */
public interface KeepsSize<I, O> extends Transform<I, O> {

    /** {@code next}: whatever the steps after it allow. */
    @Override
    default ReduceLimit reduceLimit(ReduceLimit next) {
        return next;
    }
}
