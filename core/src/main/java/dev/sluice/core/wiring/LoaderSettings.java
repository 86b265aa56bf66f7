package dev.sluice.core.wiring;

import dev.sluice.core.loader.DataLoaderBuilder;
import dev.sluice.core.loader.ErrorPolicy;

/** The {@code loader} section: the DataLoader options configuration can set, with PyTorch's names. */
record LoaderSettings(int batchSize, boolean shuffle, int numWorkers, boolean dropLast, long seed, ErrorPolicy onError,
        boolean pinMemory, double timeout, Integer prefetchFactor, boolean persistentWorkers, boolean inOrder) {

    /** Sets these options on {@code builder}. */
    <T, B> DataLoaderBuilder<T, B> applyTo(DataLoaderBuilder<T, B> builder) {
        builder.batchSize(batchSize).shuffle(shuffle).numWorkers(numWorkers).dropLast(dropLast).seed(seed)
                .onError(onError).pinMemory(pinMemory).timeout(timeout).persistentWorkers(persistentWorkers)
                .inOrder(inOrder);
        if (prefetchFactor != null) {
            builder.prefetchFactor(prefetchFactor);
        }
        return builder;
    }
}
