package dev.sluice.core.loader;

import dev.sluice.api.TensorAllocator;
import java.util.random.RandomGenerator;

/**
 * Changes a whole collated batch, as torchvision's MixUp and CutMix do ({@link dev.sluice.core.mix}).
 * The loader calls it once per batch of a map-style dataset, on whichever thread finished the batch,
 * with a random source keyed by (seed, epoch, batch number) only, so a batch is the same whatever
 * the number of workers.
 *
 * @param <B> the batch type, what the collate function makes
 */
public interface BatchTransform<B> {

    /**
     * The transformed batch. Tensors taken from {@code allocator} for the result are given back by
     * the caller's {@link DataLoader#release}; input tensors that the result no longer holds are
     * given back here, once the result is made. On failure the input is left as it was.
     *
     * @param random the batch's random source; every draw comes from it
     * @throws IllegalArgumentException naming what in the batch cannot be transformed, and why
     */
    B apply(B batch, RandomGenerator random, TensorAllocator allocator);

    /**
     * What this transform does with its parameters, in printable ASCII, such as
     * {@code mixup(alpha=0.2,p=1.0,num_classes=10)}: part of a saved loader state's plan, so that a
     * loader that would transform its batches otherwise refuses to continue it.
     */
    String describe();
}
