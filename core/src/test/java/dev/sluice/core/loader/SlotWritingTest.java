package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Collate;
import dev.sluice.api.Options;
import dev.sluice.api.SlotTransform;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.testing.RandomCropToFloats;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A dataset whose transform is a {@link SlotTransform}, loaded with {@link LabeledCollate}, has each
 * sample written straight into its slot of the batch: the batches are those of the general route
 * (read each sample whole, then collate), and no sample is applied whole.
 */
class SlotWritingTest {
    @TempDir
    Path dir;
    private Path images;
    private LabelIndex index;

    @BeforeEach
    void writeElevenImagesOneOfThemBroken() throws IOException {
        images = Files.createDirectories(dir.resolve("images"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            byte[] bytes = i == 6 ? new byte[] {1, 2} : TinyImageDecoder.encode(4 + i % 3, 3 + i % 2, 20 * i);
            Files.write(images.resolve("img" + i + ".tiny"), bytes);
            lines.append("img").append(i).append(".tiny ").append(i % 4).append(' ').append(50 + i).append('\n');
        }
        index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()),
                Files.writeString(dir.resolve("train.txt"), lines), images);
    }

    private List<LabeledBatch> epoch(RandomCropToFloats crop, Collate<LabeledSample<?>, LabeledBatch> collate,
            int workers, boolean pin) {
        ImageLabelDataset<?> dataset = ImageLabelDataset.builder(index, images, new TinyImageDecoder())
                .transform(crop).build();
        @SuppressWarnings("unchecked")
        ImageLabelDataset<Object> samples = (ImageLabelDataset<Object>) dataset;
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = DataLoader.builder(samples).batchSize(4)
                .shuffle(true).seed(11).numWorkers(workers).pinMemory(pin).onError(ErrorPolicy.SKIP)
                .collate(collate).build()) {
            List<LabeledBatch> batches = new ArrayList<>();
            for (LabeledBatch batch : loader) {
                batches.add(batch);
            }
            return batches;
        }
    }

    @ParameterizedTest(name = "{0} workers, pin_memory {1}")
    @CsvSource({"0, false", "2, false", "0, true", "3, true"})
    void slotsGiveTheBatchesOfTheGeneralRoute(int workers, boolean pin) {
        RandomCropToFloats written = new RandomCropToFloats();
        RandomCropToFloats applied = new RandomCropToFloats();
        List<LabeledBatch> direct = epoch(written, new LabeledCollate(), workers, pin);
        LabeledCollate labeled = new LabeledCollate();
        List<LabeledBatch> general = epoch(applied, labeled::collate, workers, pin);
        assertEquals(general, direct);
        assertEquals(3, direct.size(), "11 samples, one broken and skipped, at batch 4");
        int[] sizes = {direct.get(0).size(), direct.get(1).size(), direct.get(2).size()};
        assertEquals(10, sizes[0] + sizes[1] + sizes[2], "the broken sample is skipped, the rest delivered");
        assertEquals(10, written.prepared.get(), "each readable sample prepared once on the slot route");
        assertEquals(10, applied.prepared.get(), "and once through apply on the general route");
    }

    @Test
    void aShortBatchHasTheShapeOfTheSamplesItHolds() {
        List<LabeledBatch> batches = epoch(new RandomCropToFloats(), new LabeledCollate(), 0, true);
        for (LabeledBatch batch : batches) {
            assertArrayEquals(new int[] {batch.size(), 3, 2, 3}, batch.images().shape());
            assertEquals(batch.size(), batch.labels().dim(0));
            assertEquals((long) batch.size() * 3 * 2 * 3 * Float.BYTES, batch.images().data().remaining());
        }
    }

    @Test
    void onlyLabeledCollateOverASlotTransformTakesTheSlotRoute() {
        ImageLabelDataset<?> slotted = ImageLabelDataset.builder(index, images, new TinyImageDecoder())
                .transform(new RandomCropToFloats()).build();
        ImageLabelDataset<?> plain = ImageLabelDataset.builder(index, images, new TinyImageDecoder()).build();
        LabeledCollate labeled = new LabeledCollate();
        Collate<LabeledSample<?>, LabeledBatch> wrapped = labeled::collate;
        assertTrue(BatchAssembly.writesIntoSlots(slotted, labeled));
        assertFalse(BatchAssembly.writesIntoSlots(slotted, wrapped));
        assertFalse(BatchAssembly.writesIntoSlots(plain, labeled));
    }
}
