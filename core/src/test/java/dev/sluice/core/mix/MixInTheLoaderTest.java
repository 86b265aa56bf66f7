package dev.sluice.core.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Options;
import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.BatchTransform;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.LoaderException;
import dev.sluice.core.loader.LoaderState;
import dev.sluice.core.testing.RandomCropToFloats;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MixUp and CutMix run by the loader on real worker threads: the batches are the same at 0, 1 and 3
 * workers (and with pinned, pooled memory), every batch has soft labels float32 [N, num_classes]
 * summing to 1 per sample, and a saved state remembers the batch transform.
 */
class MixInTheLoaderTest {
    private static final int CLASSES = 4;
    @TempDir
    Path dir;
    private Path images;
    private LabelIndex index;

    @BeforeEach
    void writeTwentyThreeImages() throws IOException {
        images = Files.createDirectories(dir.resolve("images"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 23; i++) {
            Files.write(images.resolve("img" + i + ".tiny"), TinyImageDecoder.encode(5 + i % 3, 4 + i % 2, 9 * i));
            lines.append("img").append(i).append(".tiny ").append(i % CLASSES).append('\n');
        }
        index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()),
                Files.writeString(dir.resolve("train.txt"), lines), images);
    }

    private DataLoader<LabeledSample<Object>, LabeledBatch> loader(BatchTransform<LabeledBatch> mix, int workers,
            boolean pin) {
        ImageLabelDataset<?> dataset = ImageLabelDataset.builder(index, images, new TinyImageDecoder())
                .transform(new RandomCropToFloats()).build();
        @SuppressWarnings("unchecked")
        ImageLabelDataset<Object> samples = (ImageLabelDataset<Object>) dataset;
        var builder = DataLoader.builder(samples).batchSize(5).shuffle(true).seed(7).numWorkers(workers)
                .pinMemory(pin);
        return (mix == null ? builder : builder.batchTransform(mix)).build();
    }

    private static BatchTransform<LabeledBatch> recipe() {
        return new MixChoice(List.of(new MixUp(0.4, CLASSES, 0.8), new CutMix(1.0, CLASSES)), new double[] {1, 1});
    }

    /** Two epochs of batches, as values (copied before the batches' memory is released for reuse). */
    private List<LabeledBatch> twoEpochs(BatchTransform<LabeledBatch> mix, int workers, boolean pin) {
        List<LabeledBatch> batches = new ArrayList<>();
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(mix, workers, pin)) {
            for (int epoch = 0; epoch < 2; epoch++) {
                for (LabeledBatch batch : loader) {
                    batches.add(copy(batch));
                    loader.release(batch);
                }
            }
        }
        return batches;
    }

    private static LabeledBatch copy(LabeledBatch batch) {
        return new LabeledBatch(copy(batch.images()), copy(batch.labels()));
    }

    private static Tensor copy(Tensor tensor) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(tensor.byteSize())).put(tensor.data()).flip();
        return Tensor.wrap(tensor.dtype(), tensor.shape(), bytes);
    }

    @Test
    void batchesAreTheSameAtZeroOneAndThreeWorkers() {
        List<LabeledBatch> alone = twoEpochs(recipe(), 0, false);
        assertEquals(10, alone.size());
        assertEquals(alone, twoEpochs(recipe(), 1, false));
        assertEquals(alone, twoEpochs(recipe(), 3, false));
        assertEquals(alone, twoEpochs(recipe(), 3, true));
        assertNotEquals(alone.subList(0, 5), alone.subList(5, 10), "each epoch mixes anew");
    }

    @Test
    void everyBatchHasSoftLabelsThatSumToOneAndSomeAreMixed() {
        int mixedRows = 0;
        for (LabeledBatch batch : twoEpochs(recipe(), 3, false)) {
            assertEquals(DType.FLOAT32, batch.labels().dtype());
            assertArrayEquals(new int[] {batch.size(), CLASSES}, batch.labels().shape());
            float[] labels = batch.labels().toFloatArray();
            for (int i = 0; i < batch.size(); i++) {
                double sum = 0;
                int nonZero = 0;
                for (int k = 0; k < CLASSES; k++) {
                    float value = labels[i * CLASSES + k];
                    assertTrue(value >= 0 && value <= 1, "label value " + value);
                    sum += value;
                    nonZero += value > 0 ? 1 : 0;
                }
                assertEquals(1.0, sum, 1e-6);
                mixedRows += nonZero > 1 ? 1 : 0;
            }
        }
        // MixUp mixes 80% of its batches; CutMix's box on 3x2 crops is often empty (then lambda' = 1).
        assertTrue(mixedRows >= 5, mixedRows + " mixed label rows of 46");
    }

    @Test
    void theImagesAreThoseOfTheUnmixedLoaderMixed() {
        List<LabeledBatch> plain = twoEpochs(null, 0, false);
        List<LabeledBatch> mixed = twoEpochs(new MixUp(1.0, CLASSES), 3, false);
        for (int b = 0; b < plain.size(); b++) {
            float[] x = plain.get(b).images().toFloatArray();
            float[] mixedImages = mixed.get(b).images().toFloatArray();
            float[] labels = mixed.get(b).labels().toFloatArray();
            long[] classes = new long[plain.get(b).size()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = plain.get(b).labels().getLong(i);
            }
            int n = classes.length;
            int row = x.length / n;
            // Sample 1 is mixed with sample 0; lambda is its own class's weight, unless both share a class.
            if (classes[1] != classes[0]) {
                double lambda = labels[CLASSES + (int) classes[1]];
                for (int k = 0; k < row; k++) {
                    float expected = x[k] * (float) (1 - lambda) + x[row + k] * (float) lambda;
                    assertEquals(expected, mixedImages[row + k], 1e-5, "batch " + b + " value " + k);
                }
            }
        }
    }

    @Test
    void aSavedStateNamesTheBatchTransformAndRefusesAnother() {
        LoaderState state;
        List<LabeledBatch> rest = new ArrayList<>();
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(recipe(), 2, false)) {
            BatchIterator<LabeledBatch> batches = loader.iterator();
            batches.next();
            batches.next();
            state = loader.state();
            batches.forEachRemaining(batch -> rest.add(copy(batch)));
        }
        LoaderState decoded = LoaderState.decode(state.encode());
        assertEquals(recipe().describe(), decoded.plan().batchTransform());
        try (DataLoader<LabeledSample<Object>, LabeledBatch> other = loader(new MixUp(0.4, CLASSES), 2, false)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> other.restore(decoded));
            assertTrue(refused.getMessage().contains("batch_transform=" + recipe().describe()), refused.getMessage());
        }
        try (DataLoader<LabeledSample<Object>, LabeledBatch> same = loader(recipe(), 3, false)) {
            same.restore(decoded);
            List<LabeledBatch> resumed = new ArrayList<>();
            same.forEach(batch -> resumed.add(copy(batch)));
            assertEquals(rest, resumed);
        }
    }

    @Test
    void aLabelOutsideTheClassesFailsTheBatchNamingIt() {
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(new CutMix(1.0, 3), 2, false)) {
            LoaderException failure = assertThrows(LoaderException.class, () -> loader.forEach(batch -> { }));
            assertTrue(failure.getMessage().contains("cutmix: the label of sample")
                    && failure.getMessage().contains("is 3, outside [0, 3) for num_classes=3")
                    && failure.getMessage().contains("batch 0 of epoch 0"), failure.getMessage());
        }
    }
}
