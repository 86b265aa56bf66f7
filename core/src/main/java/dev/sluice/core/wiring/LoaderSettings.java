package dev.sluice.core.wiring;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.loader.BatchTransform;
import dev.sluice.core.loader.DataLoaderBuilder;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.sampler.Rank;

/**
 * The {@code loader} section: the DataLoader options configuration can set, with PyTorch's names,
 * the rank of this process in a distributed job ({@code rank}, {@code world_size}, by default
 * from the environment's {@code RANK} and {@code WORLD_SIZE}), the sampler ({@link SamplerSettings},
 * or null for the default), the batch transform ({@link BatchTransformSection}, or null for none), and
 * whether the loader's per-image code is warmed up while the loader is built ({@code warm_up}, true by
 * default; {@link WarmUp}).
 */
record LoaderSettings(int batchSize, boolean shuffle, int numWorkers, boolean dropLast, long seed, ErrorPolicy onError,
        boolean pinMemory, double timeout, Integer prefetchFactor, boolean persistentWorkers, boolean inOrder,
        Rank rank, SamplerSettings sampler, BatchTransform<LabeledBatch> batchTransform, boolean warmUp) {

    /**
     * Sets these options on {@code builder}.
     *
     * @param loaderShuffles whether the loader itself shuffles; false for a stream, which shuffles itself
     */
    <T, B> DataLoaderBuilder<T, B> applyTo(DataLoaderBuilder<T, B> builder, boolean loaderShuffles) {
        builder.batchSize(batchSize).shuffle(loaderShuffles && shuffle).numWorkers(numWorkers).dropLast(dropLast)
                .seed(seed).onError(onError).pinMemory(pinMemory).timeout(timeout)
                .persistentWorkers(persistentWorkers).inOrder(inOrder);
        if (prefetchFactor != null) {
            builder.prefetchFactor(prefetchFactor);
        }
        return builder;
    }
}
