package dev.sluice.examples.djl;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.loader.DataLoader;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Sluice {@link DataLoader} as a DJL {@link Dataset}, for {@code EasyTrain.fit}, {@code
 * Trainer.iterateDataset} or a loop of your own. Each {@link #getData(NDManager)} iteration is one
 * epoch of the loader, with the loader's batching, shuffling, workers and augmentation; DJL's
 * sampler, batchifier and executor are not used.
 *
 * <p>Each Sluice {@link LabeledBatch} becomes a DJL {@link Batch} whose data is the inputs (for
 * example float32 (N, 3, H, W)) and whose labels are int64 (N) for one label per sample, or (N, K)
 * for K. With {@code pinMemory(true)} and DJL's PyTorch engine the arrays share the batch's direct
 * memory: no byte is copied between Sluice and DJL. Closing the DJL batch (as {@code EasyTrain}
 * does after each step) closes its arrays and then gives the memory back to the loader's pool.
 *
 * <pre>{@code
 * DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(Path.of("train.yaml"));
 * try (loader; Trainer trainer = model.newTrainer(config)) {
 *     trainer.initialize(new Shape(32, 3, 32, 32));
 *     EasyTrain.fit(trainer, 10, SluiceDataset.of(loader), null);
 * }
 * }</pre>
 *
 * <p>Like the loader, an instance is iterated by one thread at a time; one epoch runs at a time.
 * The loader stays the caller's to close.
 */
public final class SluiceDataset implements Dataset {
    private final DataLoader<?, LabeledBatch> loader;
    private final long batchesPerEpoch;
    private final AtomicLong arrays = new AtomicLong();
    private final AtomicLong copies = new AtomicLong();

    private SluiceDataset(DataLoader<?, LabeledBatch> loader, long batchesPerEpoch) {
        this.loader = loader;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /**
     * A DJL dataset over {@code loader}, which must collate with {@code LabeledCollate}.
     *
     * @throws IllegalArgumentException if the loader has no number of batches per epoch (an endless
     *         dataset, or an iterable one of unknown size): DJL's loop and progress bar need one
     * @throws NullPointerException if {@code loader} is null
     */
    public static SluiceDataset of(DataLoader<?, LabeledBatch> loader) {
        Objects.requireNonNull(loader, "loader");
        long batches;
        try {
            batches = loader.size();
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("DJL needs epochs of a known number of batches, and " + loader
                    + " has none (" + e.getMessage() + "); give the dataset a length, for example Repeat.times(k)", e);
        }
        return new SluiceDataset(loader, batches);
    }

    /**
     * The batches of the loader's next epoch, each call of {@code iterator()} starting the next one.
     * Arrays are attached to a sub-manager of {@code manager} per batch.
     *
     * @param manager the manager whose engine the arrays belong to (PyTorch's for zero-copy); not closed
     * @return a view that starts an epoch per {@code iterator()}; its iterator throws what the
     *         loader's does (for example {@code SampleLoadException} naming the sample)
     */
    @Override
    public Iterable<Batch> getData(NDManager manager) {
        Objects.requireNonNull(manager, "manager");
        return () -> new EpochBatches(loader, loader.iterator(), manager, batchesPerEpoch, this::counted);
    }

    /** Nothing to prepare: the loader reads its files as batches are asked for. */
    @Override
    public void prepare(Progress progress) {
    }

    /** The loader this dataset reads; the caller closes it. */
    public DataLoader<?, LabeledBatch> loader() {
        return loader;
    }

    /** The number of batches of an epoch, as the loader counts them. */
    public long batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** The number of arrays made from Sluice tensors so far (two per batch: inputs and labels). */
    public long arraysMade() {
        return arrays.get();
    }

    /**
     * How many of those arrays got a copy of their tensor's bytes, because the tensor was on the heap
     * (a loader without {@code pinMemory}). Zero when the loader pins memory and the engine is PyTorch.
     */
    public long arraysCopied() {
        return copies.get();
    }

    private void counted(boolean copied) {
        arrays.incrementAndGet();
        if (copied) {
            copies.incrementAndGet();
        }
    }

    @Override
    public String toString() {
        return "SluiceDataset[" + loader + ", " + batchesPerEpoch + " batches per epoch]";
    }

    /** Told of each array made from a tensor; {@code copied} when its bytes were copied. */
    @FunctionalInterface
    interface ConversionCounter {
        void counted(boolean copied);
    }
}
