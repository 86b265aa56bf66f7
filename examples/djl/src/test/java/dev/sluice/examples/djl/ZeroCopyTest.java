package dev.sluice.examples.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import dev.sluice.api.Collate;
import dev.sluice.api.Dataset;
import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ZeroCopyTest {
    private static final int SAMPLES = 12;
    private static final int[] SAMPLE_SHAPE = {3, 4, 5};

    @BeforeAll
    static void offline() {
        DjlSettings.offline();
    }

    @Test
    void pinnedBatchArraysAreTheSluiceBuffersThemselves() throws Exception {
        Map<Long, LabeledBatch> collated = new ConcurrentHashMap<>();
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = loader(true, collated);
                NDManager manager = NDManager.newBaseManager()) {
            SluiceDataset dataset = SluiceDataset.of(loader);
            int batches = 0;
            for (Batch batch : dataset.getData(manager)) {
                NDArray inputs = batch.getData().head();
                long first = (Long) batch.getIndices().get(0);
                LabeledBatch source = collated.get(first);
                assertNotNull(source, "the collate saw the batch starting at sample " + first);
                assertEquals(source.images().getFloat(7), inputs.toFloatArray()[7]);

                // Write through DJL, read through Sluice: one memory, nothing copied.
                inputs.set(new NDIndex(0, 0, 1, 2), -42f);
                assertEquals(-42f, source.images().getFloat(7));
                NDArray labels = batch.getLabels().head();
                labels.set(new NDIndex(1), 99L);
                assertEquals(99L, source.labels().getLong(1));
                batch.close();
                batches++;
            }
            assertEquals(3, batches);
            assertEquals(2L * batches, dataset.arraysMade());
            assertEquals(0, dataset.arraysCopied(), "copies per batch with pin_memory");
        }
    }

    @Test
    void heapBatchesAreCopiedOnceAndCountedSo() throws Exception {
        Map<Long, LabeledBatch> collated = new ConcurrentHashMap<>();
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = loader(false, collated);
                NDManager manager = NDManager.newBaseManager()) {
            SluiceDataset dataset = SluiceDataset.of(loader);
            for (Batch batch : dataset.getData(manager)) {
                NDArray inputs = batch.getData().head();
                LabeledBatch source = collated.get((Long) batch.getIndices().get(0));
                float before = source.images().getFloat(7);
                inputs.set(new NDIndex(0, 0, 1, 2), -42f);
                assertEquals(before, source.images().getFloat(7), "a heap batch is copied, so DJL's write stays in DJL");
                batch.close();
            }
            assertEquals(6, dataset.arraysMade());
            assertEquals(6, dataset.arraysCopied(), "one copy per array, two arrays per batch");
        }
    }

    @Test
    void batchesHaveTheLoadersShapesAndLabelsAsAVector() throws Exception {
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = loader(true, new ConcurrentHashMap<>());
                NDManager manager = NDManager.newBaseManager()) {
            Batch batch = SluiceDataset.of(loader).getData(manager).iterator().next();
            NDArray inputs = batch.getData().head();
            NDArray labels = batch.getLabels().head();
            assertEquals(new Shape(4, 3, 4, 5), inputs.getShape());
            assertEquals(DataType.FLOAT32, inputs.getDataType());
            assertEquals(new Shape(4), labels.getShape());
            assertEquals(DataType.INT64, labels.getDataType());
            // Sample i holds i * 1000 + its flat position, and its label is i.
            long first = labels.getLong(0);
            assertEquals(first * 1000 + 59, inputs.get(0).toFloatArray()[59]);
            assertTrue(first >= 0 && first < SAMPLES);
            assertEquals(3, batch.getProgressTotal());
            batch.close();
        }
    }

    private static DataLoader<LabeledSample<Tensor>, LabeledBatch> loader(boolean pinMemory,
            Map<Long, LabeledBatch> collated) {
        LabeledCollate labeled = new LabeledCollate();
        Collate<LabeledSample<Tensor>, LabeledBatch> recording = (samples, allocator) -> {
            LabeledBatch batch = labeled.collate(samples, allocator);
            collated.put(batch.labels().getLong(0), batch);
            return batch;
        };
        return DataLoader.builder(numbered()).batchSize(4).shuffle(true).seed(7).numWorkers(2)
                .pinMemory(pinMemory).collate(recording).build();
    }

    /** Sample i: a float32 3 x 4 x 5 tensor holding i * 1000 + position, labelled i. */
    private static Dataset<LabeledSample<Tensor>> numbered() {
        return new Dataset<>() {
            @Override
            public LabeledSample<Tensor> get(long index) {
                float[] values = new float[60];
                for (int i = 0; i < values.length; i++) {
                    values[i] = index * 1000 + i;
                }
                return new LabeledSample<>(Tensor.ofFloats(SAMPLE_SHAPE, values), new long[] {index});
            }

            @Override
            public long size() {
                return SAMPLES;
            }
        };
    }
}
