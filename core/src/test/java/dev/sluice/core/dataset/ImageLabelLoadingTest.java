package dev.sluice.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.testing.TinyImageDecoder;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.testing.TestTransformProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed recipe end to end: label file, image folder, decoder, transform, loader, labelled batches. */
class ImageLabelLoadingTest {
    @SuppressWarnings("unchecked")
    private static final Transform<Image, Tensor> TO_TENSOR =
            (Transform<Image, Tensor>) new TestTransformProviders.ToTensor().create(Options.empty());

    @TempDir
    Path dir;
    private Path images;
    private LabelIndex index;

    @BeforeEach
    void writeTenImagesWithTwoLabelsEach() throws IOException {
        images = dir.resolve("images");
        Files.createDirectories(images);
        StringBuilder lines = new StringBuilder("# name  label1 label2\r\n");
        for (int i = 0; i < 10; i++) {
            Files.write(images.resolve("img" + i + ".tiny"),
                    TinyImageDecoder.encode(4, 3, 25 * i));
            lines.append("img").append(i).append(".tiny\t").append(i % 3).append("  ").append(100 + i).append("\r\n");
        }
        Path labels = Files.writeString(dir.resolve("train.txt"), lines);
        index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()), labels, images);
    }

    private List<LabeledBatch> epoch(int workers) {
        ImageLabelDataset<Tensor> dataset = ImageLabelDataset.builder(index, images, new TinyImageDecoder())
                .transform(TO_TENSOR).build();
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(dataset).batchSize(7)
                .numWorkers(workers).collate(new LabeledCollate()).build()) {
            List<LabeledBatch> batches = new ArrayList<>();
            loader.forEach(batches::add);
            return batches;
        }
    }

    @Test
    void batchesAreImagesNxCxHxWAndLabelsNxK() {
        List<LabeledBatch> batches = epoch(2);
        assertEquals(2, batches.size(), "10 samples at batch 7: a batch of 7 and one of 3");
        assertArrayEquals(new int[] {7, 3, 3, 4}, batches.get(0).images().shape());
        assertArrayEquals(new int[] {3, 3, 3, 4}, batches.get(1).images().shape());
        assertEquals(DType.FLOAT32, batches.get(0).images().dtype());
        assertArrayEquals(new int[] {3, 2}, batches.get(1).labels().shape());
        assertArrayEquals(new long[] {1, 107, 2, 108, 0, 109}, batches.get(1).labels().toLongArray());
        float firstPixelOfSample8 = batches.get(1).images().getFloat(3L * 3 * 4);
        assertEquals(200 / 255f, firstPixelOfSample8, 1e-6);
    }

    @Test
    void workersGiveTheSameBatchesAsTheCallingThread() {
        assertEquals(epoch(0), epoch(3));
    }

    @Test
    void aMissingImageNamesItsIndexPathAndLabelFileLine() throws IOException {
        Files.delete(images.resolve("img5.tiny"));
        RuntimeException e = assertThrows(SampleLoadException.class, () -> epoch(2));
        assertTrue(e.getMessage().startsWith("sample 5 (" + images.resolve("img5.tiny") + ", " + dir.resolve("train.txt")
                + ":7) of epoch 0, batch 0: "), e.getMessage());
    }
}
