package dev.sluice.examples.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.List;

/**
 * A DJL batch over a Sluice batch's memory: closing it closes its arrays first and then gives the
 * memory back to the loader, so that no array can see a later batch written into it.
 */
final class ReleasingBatch extends Batch {
    private final Runnable release;
    private boolean closed;

    ReleasingBatch(NDManager manager, NDList data, NDList labels, int size, Batchifier dataBatchifier,
            Batchifier labelBatchifier, long progress, long progressTotal, List<Long> indices, Runnable release) {
        super(manager, data, labels, size, dataBatchifier, labelBatchifier, progress, progressTotal, indices);
        this.release = release;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
        } finally {
            release.run();
        }
    }
}
