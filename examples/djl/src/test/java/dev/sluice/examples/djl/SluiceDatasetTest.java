package dev.sluice.examples.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import dev.sluice.api.Dataset;
import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.loader.DataLoader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SluiceDatasetTest {

    @BeforeAll
    static void offline() {
        DjlSettings.offline();
    }

    @Test
    void eachIterationIsTheLoadersNextEpochShuffledAfresh() throws Exception {
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = loader(labelled(16, -1), false);
                NDManager manager = NDManager.newBaseManager()) {
            SluiceDataset dataset = SluiceDataset.of(loader);
            List<Long> first = order(dataset, manager);
            List<Long> second = order(dataset, manager);
            assertEquals(2, loader.epoch(), "two iterations, two epochs");
            assertEquals(16, first.size());
            assertEquals(first.stream().sorted().toList(), second.stream().sorted().toList(), "every sample once");
            assertNotEquals(first, second, "epoch 1 is shuffled differently from epoch 0");
        }
    }

    @Test
    void aSampleThatFailsSurfacesAsTheLoadersExceptionNamingIt() throws Exception {
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = loader(labelled(8, 5), false);
                NDManager manager = NDManager.newBaseManager()) {
            Iterator<Batch> batches = SluiceDataset.of(loader).getData(manager).iterator();
            SampleLoadException e = assertThrows(SampleLoadException.class, () -> {
                while (batches.hasNext()) {
                    batches.next().close();
                }
            });
            assertTrue(e.getMessage().contains("sample 5"), e.getMessage());
        }
    }

    @Test
    void aLoaderWithoutALengthIsRefusedWithTheReason() {
        Dataset<LabeledSample<Tensor>> endless = new Dataset<>() {
            @Override
            public LabeledSample<Tensor> get(long index) {
                return new LabeledSample<>(Tensor.ofFloats(new int[] {1}, index), new long[] {index});
            }

            @Override
            public long size() {
                return 4;
            }

            @Override
            public boolean isEndless() {
                return true;
            }
        };
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(endless).batchSize(2)
                .collate(new LabeledCollate()).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SluiceDataset.of(loader));
            assertTrue(e.getMessage().startsWith("DJL needs epochs of a known number of batches, and " + loader
                    + " has none (an endless dataset has no length"), e.getMessage());
        }
    }

    private static List<Long> order(SluiceDataset dataset, NDManager manager) {
        List<Long> indices = new ArrayList<>();
        for (Batch batch : dataset.getData(manager)) {
            for (Object index : batch.getIndices()) {
                indices.add((Long) index);
            }
            batch.close();
        }
        return indices;
    }

    private static DataLoader<LabeledSample<Tensor>, LabeledBatch> loader(Dataset<LabeledSample<Tensor>> dataset,
            boolean pinMemory) {
        return DataLoader.builder(dataset).batchSize(4).shuffle(true).seed(3).pinMemory(pinMemory)
                .collate(new LabeledCollate()).build();
    }

    /** Sample i: float32 (2) holding i, labelled i; sample {@code failing} throws instead. */
    private static Dataset<LabeledSample<Tensor>> labelled(int size, long failing) {
        return new Dataset<>() {
            @Override
            public LabeledSample<Tensor> get(long index) {
                if (index == failing) {
                    throw new SampleLoadException(index, "tile-" + index + ".jpg", "truncated JPEG", null);
                }
                return new LabeledSample<>(Tensor.ofFloats(new int[] {2}, index, index), new long[] {index});
            }

            @Override
            public long size() {
                return size;
            }
        };
    }
}
