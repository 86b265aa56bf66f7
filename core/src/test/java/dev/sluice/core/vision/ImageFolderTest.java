package dev.sluice.core.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.Repeat;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageFolder} over real folders, decoded by the {@code auto} choice among core's test
 * decoders (the {@code tiny} format: width, height, fill byte).
 */
class ImageFolderTest {
    @TempDir
    Path root;

    private void image(String path, int width, int height, int fill) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, TinyImageDecoder.encode(width, height, fill));
    }

    private void twoClasses() throws IOException {
        image("dog/b.png", 2, 1, 20);
        image("cat/a.png", 2, 1, 10);
        image("dog/a.png", 2, 1, 30);
    }

    @Test
    void ofLabelsEachImageWithItsClassInSortedOrder() throws IOException {
        twoClasses();
        ImageLabelDataset<Image> dataset = ImageFolder.of(root);

        assertEquals(3, dataset.size());
        assertEquals(List.of("cat", "dog"), dataset.labelIndex().classNames());
        assertSample(dataset.get(0), 10, 0);
        assertSample(dataset.get(1), 30, 1);
        assertSample(dataset.get(2), 20, 1);
        assertEquals(root, dataset.imageRoot());
    }

    private static void assertSample(LabeledSample<Image> sample, int fill, long label) {
        assertEquals(2, sample.image().width());
        assertEquals(3, sample.image().channels(), "decoded as RGB");
        assertEquals(fill, sample.image().pixels().get(0) & 0xFF);
        assertArrayEquals(new long[] {label}, sample.labels());
    }

    @Test
    void ofWithATransformAppliesItToEachImage() throws IOException {
        twoClasses();
        Transform<Image, Integer> firstPixel = Transform.typed(Image.class, Integer.class,
                (image, random) -> image.pixels().get(0) & 0xFF);

        ImageLabelDataset<Integer> dataset = ImageFolder.of(root, firstPixel);

        assertEquals(30, dataset.get(1).image());
    }

    @Test
    void aLoaderOverItGivesTypedBatchesFromTwoWorkers() throws IOException {
        twoClasses();
        Transform<Image, Tensor> toFloats = Transform.typed(Image.class, Tensor.class,
                (image, random) -> Tensor.ofFloats(new int[] {1}, image.pixels().get(0) & 0xFF));
        List<LabeledBatch> batches = new ArrayList<>();
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(ImageFolder.of(root, toFloats))
                .batchSize(2).numWorkers(2).build()) {
            for (LabeledBatch batch : loader) {
                batches.add(batch);
            }
        }

        assertEquals(2, batches.size());
        assertEquals(Tensor.ofFloats(new int[] {2, 1}, 10, 30), batches.get(0).images());
        assertEquals(Tensor.ofFloats(new int[] {1, 1}, 20), batches.get(1).images());
        assertEquals(Tensor.ofLongs(new int[] {2}, 0, 1), batches.get(0).labels(), "class indices, int64 [N]");
        assertEquals(Tensor.ofLongs(new int[] {1}, 1), batches.get(1).labels());
    }

    @Test
    void theBuilderKeepsTheFolderAndTakesOtherSettings() throws IOException {
        twoClasses();
        ImageLabelDataset<Image> twice = ImageFolder.builder(root).repeat(Repeat.times(2)).build();
        assertEquals(6, twice.size());
        assertEquals(twice.get(0), twice.get(3));
    }

    @Test
    void theBuilderTakesAnotherDecoderInPlaceOfAuto() throws IOException {
        twoClasses();
        ImageDecoder grey = (encoded, options) -> Image.wrap(1, 1, 1, new byte[] {(byte) encoded.remaining()});
        ImageLabelDataset<Image> dataset = ImageFolder.builder(root).decoder(grey).build();
        assertEquals(Image.wrap(1, 1, 1, new byte[] {3}), dataset.get(0).image(), "the tiny file's three bytes, counted");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = root.resolve("nowhere");
        NoSuchFileException refused = assertThrows(NoSuchFileException.class, () -> ImageFolder.of(missing));
        assertTrue(refused.getMessage().contains(missing.toString()), refused.getMessage());
    }

    @Test
    void aFolderWithoutClassFoldersSaysSo() throws IOException {
        Files.write(root.resolve("loose.png"), TinyImageDecoder.encode(1, 1, 0));
        LabelFormatException refused = assertThrows(LabelFormatException.class, () -> ImageFolder.of(root));
        assertEquals("Couldn't find any class folder in " + root + ".", refused.getMessage());
    }
}
