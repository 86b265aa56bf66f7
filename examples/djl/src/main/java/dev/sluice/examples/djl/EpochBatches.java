package dev.sluice.examples.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** One epoch of a Sluice loader as DJL batches; converts each Sluice batch as it is asked for. */
final class EpochBatches implements Iterator<Batch> {
    private final DataLoader<?, LabeledBatch> loader;
    private final BatchIterator<LabeledBatch> batches;
    private final NDManager manager;
    private final long batchesPerEpoch;
    private final SluiceDataset.ConversionCounter counter;
    private long delivered;

    EpochBatches(DataLoader<?, LabeledBatch> loader, BatchIterator<LabeledBatch> batches, NDManager manager,
            long batchesPerEpoch, SluiceDataset.ConversionCounter counter) {
        this.loader = loader;
        this.batches = batches;
        this.manager = manager;
        this.batchesPerEpoch = batchesPerEpoch;
        this.counter = counter;
    }

    @Override
    public boolean hasNext() {
        return batches.hasNext();
    }

    @Override
    public Batch next() {
        LabeledBatch batch = batches.next();
        NDManager batchManager = manager.newSubManager();
        try {
            NDArray inputs = convert(batch.images(), TensorArrays.shapeOf(batch.images()), batchManager);
            // One label per sample comes as a vector (N), which DJL's classification losses and Accuracy take.
            NDArray labelArray = convert(batch.labels(), TensorArrays.shapeOf(batch.labels()), batchManager);
            // Progress counts batches (DJL counts samples); its progress bar needs only the ratio.
            delivered++;
            return new ReleasingBatch(batchManager, new NDList(inputs), new NDList(labelArray), batch.size(),
                    Batchifier.STACK, Batchifier.STACK, delivered, batchesPerEpoch, indices(batches.indices()),
                    () -> loader.release(batch));
        } catch (RuntimeException | Error e) {
            batchManager.close();
            loader.release(batch);
            throw e;
        }
    }

    private NDArray convert(Tensor tensor, Shape shape, NDManager batchManager) {
        boolean shared = TensorArrays.sharesMemory(tensor, batchManager);
        NDArray array = TensorArrays.toNdArray(tensor, shape, batchManager);
        counter.counted(!shared);
        return array;
    }

    private static List<Long> indices(long[] indices) {
        List<Long> list = new ArrayList<>(indices.length);
        for (long index : indices) {
            list.add(index);
        }
        return list;
    }
}
