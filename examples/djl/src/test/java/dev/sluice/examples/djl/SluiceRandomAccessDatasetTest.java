package dev.sluice.examples.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.loss.Loss;
import dev.sluice.api.Dataset;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.core.dataset.LabeledSample;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SluiceRandomAccessDatasetTest {

    @BeforeAll
    static void offline() {
        DjlSettings.offline();
    }

    @Test
    void djlsSamplerBatchesTheSluiceSamples() throws Exception {
        SluiceRandomAccessDataset dataset = SluiceRandomAccessDataset.builder(noisy(10)).setSampling(4, false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            int batches = 0;
            for (Batch batch : dataset.getData(manager)) {
                assertEquals(DataType.FLOAT32, batch.getData().head().getDataType());
                assertEquals(2, batch.getData().head().getShape().dimension());
                assertEquals(batch.getSize(), batch.getLabels().head().getShape().get(0));
                long first = batch.getLabels().head().getLong(0);
                assertEquals(batches * 4L, first, "a sequential sampler reads the samples in order");
                assertEquals(first * 10, batch.getData().head().getFloat(0, 0));
                batch.close();
                batches++;
            }
            assertEquals(3, batches, "ceil(10 / 4) batches");
        }
    }

    @Test
    void eachReadOfASampleIsAugmentedAfreshAndReproducibly() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SluiceRandomAccessDataset dataset = SluiceRandomAccessDataset.builder(noisy(3)).seed(5)
                    .setSampling(1, false).build();
            float[] firstRead = dataset.get(manager, 2).getData().head().toFloatArray();
            float[] secondRead = dataset.get(manager, 2).getData().head().toFloatArray();
            assertFalse(Arrays.equals(firstRead, secondRead), "the second pass draws new noise");

            SluiceRandomAccessDataset again = SluiceRandomAccessDataset.builder(noisy(3)).seed(5)
                    .setSampling(1, false).build();
            assertArrayEquals(firstRead, again.get(manager, 2).getData().head().toFloatArray());
            SluiceRandomAccessDataset otherSeed = SluiceRandomAccessDataset.builder(noisy(3)).seed(6)
                    .setSampling(1, false).build();
            assertFalse(Arrays.equals(firstRead, otherSeed.get(manager, 2).getData().head().toFloatArray()));
        }
    }

    @Test
    void imagesBecomeUint8HeightWidthChannelsAndSeveralLabelsAVector() throws Exception {
        Dataset<LabeledSample<Image>> images = new Dataset<>() {
            @Override
            public LabeledSample<Image> get(long index) {
                byte[] rgb = {10, 20, 30, 40, 50, 60};
                return new LabeledSample<>(Image.wrap(2, 1, 3, rgb), new long[] {index, 7});
            }

            @Override
            public long size() {
                return 2;
            }
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            Record record = SluiceRandomAccessDataset.builder(images).setSampling(1, false).build().get(manager, 1);
            assertEquals(new Shape(1, 2, 3), record.getData().head().getShape());
            assertEquals(DataType.UINT8, record.getData().head().getDataType());
            assertEquals(40, record.getData().head().toUint8Array()[3]);
            assertArrayEquals(new long[] {1, 7}, record.getLabels().head().toLongArray());
        }
    }

    @Test
    void outOfRangeIndicesAreRefusedWithTheSize() {
        SluiceRandomAccessDataset dataset = SluiceRandomAccessDataset.builder(noisy(3)).setSampling(1, false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(manager, 3));
            assertEquals("index 3 is outside a dataset of size 3", e.getMessage());
        }
    }

    @Test
    void easyTrainFitsOnItAndOnItsRandomSplit() throws Exception {
        SluiceRandomAccessDataset dataset = SluiceRandomAccessDataset.builder(noisy(40)).setSampling(8, true).build();
        RandomAccessDataset[] split = dataset.randomSplit(3, 1);
        assertEquals(30, split[0].size());
        assertEquals(10, split[1].size());
        try (Model model = Model.newInstance("linear")) {
            model.setBlock(new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(40).build()));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .addTrainingListeners(TrainingListener.Defaults.basic()))) {
                trainer.initialize(new Shape(8, 4));
                EasyTrain.fit(trainer, 2, split[0], split[1]);
                TrainingResult result = trainer.getTrainingResult();
                assertEquals(2, result.getEpoch());
                assertTrue(Float.isFinite(result.getTrainLoss()));
                assertTrue(Float.isFinite(result.getValidateLoss()));
            }
        }
    }

    /** Sample i: float32 (4) holding i * 10 plus noise in [0, 1) from the sample's random source, labelled i. */
    private static Dataset<LabeledSample<Tensor>> noisy(int size) {
        return new Dataset<>() {
            @Override
            public LabeledSample<Tensor> get(long index) {
                throw new AssertionError("the adapter must pass a random source");
            }

            @Override
            public LabeledSample<Tensor> get(long index, RandomGenerator random) {
                float[] values = new float[4];
                for (int i = 0; i < values.length; i++) {
                    values[i] = index * 10 + (i == 0 ? 0 : random.nextFloat());
                }
                return new LabeledSample<>(Tensor.ofFloats(new int[] {4}, values), new long[] {index});
            }

            @Override
            public long size() {
                return size;
            }
        };
    }
}
