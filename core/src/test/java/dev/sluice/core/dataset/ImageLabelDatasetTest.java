package dev.sluice.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.testing.TinyImageDecoder;
import dev.sluice.core.label.TxtLabelFormatProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLabelDatasetTest {
    @TempDir
    Path dir;
    private Path images;
    private LabelIndex index;

    @BeforeEach
    void writeThreeImagesAndTheirLabels() throws IOException {
        images = dir.resolve("images");
        Files.createDirectories(images.resolve("cats"));
        Files.write(images.resolve("cats/a.tiny"), TinyImageDecoder.encode(2, 1, 10));
        Files.write(images.resolve("cats/b.tiny"), TinyImageDecoder.encode(3, 2, 20));
        Files.write(images.resolve("c.tiny"), TinyImageDecoder.encode(1, 1, 30));
        Path labels = dir.resolve("train.txt");
        Files.writeString(labels, "cats/a.tiny 0 5\ncats/b.tiny 0 6\nc.tiny 1 7\n");
        index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()), labels, images);
    }

    private ImageLabelDataset.Builder<Image> builder() {
        return ImageLabelDataset.builder(index, images, new TinyImageDecoder());
    }

    @Test
    public void aSampleIsTheDecodedImageWithItsEntrysLabels() {
        LabeledSample<Image> sample = builder().build().get(1);
        assertEquals(Image.wrap(3, 2, 3, filled(3 * 2 * 3, 20)), sample.image());
        assertArrayEquals(new long[] {0, 6}, sample.labels());
    }

    @Test
    public void oneRepeatHasOneSamplePerEntry() {
        ImageLabelDataset<Image> dataset = builder().build();
        assertEquals(3, dataset.size());
        assertFalse(dataset.isEndless());
        assertEquals(Repeat.once(), dataset.repeat());
    }

    @Test
    public void repeatingMultipliesTheSizeAndIndicesWrapAroundTheEntries() {
        ImageLabelDataset<Image> dataset = builder().repeat(Repeat.times(4)).build();
        assertEquals(12, dataset.size());
        assertFalse(dataset.isEndless());
        for (long i = 0; i < 12; i++) {
            assertEquals(builder().build().get(i % 3), dataset.get(i), "sample " + i);
        }
        assertArrayEquals(new long[] {1, 7}, dataset.get(11).labels());
    }

    @Test
    public void foreverIsEndlessWithOnePassAsItsSize() {
        ImageLabelDataset<Image> dataset = builder().repeat(Repeat.forever()).build();
        assertTrue(dataset.isEndless());
        assertEquals(3, dataset.size());
        assertArrayEquals(new long[] {1, 7}, dataset.get(2).labels());
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(3));
    }

    @Test
    public void anIndexOutsideTheDatasetNamesTheIndexAndTheSize() {
        ImageLabelDataset<Image> dataset = builder().repeat(Repeat.times(4)).build();
        assertEquals("index 12 is outside a dataset of size 12",
                assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(12)).getMessage());
        assertEquals("index -1 is outside a dataset of size 12",
                assertThrows(IndexOutOfBoundsException.class, () -> dataset.describe(-1)).getMessage());
    }

    @Test
    public void describeGivesTheResolvedImagePath() {
        ImageLabelDataset<Image> dataset = builder().repeat(Repeat.times(2)).build();
        assertEquals(Optional.of(images.resolve("cats/b.tiny").toString()), dataset.describe(4));
    }

    @Test
    public void aMissingImageFailsNamingTheIndexThePathAndTheLabelFileLine() throws IOException {
        Files.delete(images.resolve("cats/b.tiny"));
        ImageLabelDataset<Image> dataset = builder().repeat(Repeat.times(2)).build();
        SampleLoadException e = assertThrows(SampleLoadException.class, () -> dataset.get(4));
        Path missing = images.resolve("cats/b.tiny");
        assertEquals("sample 4 (" + missing + ", " + dir.resolve("train.txt") + ":2): no such file", e.getMessage());
        assertEquals(4, e.index());
        assertEquals(missing.toString(), e.source().orElseThrow());
        assertEquals(dir.resolve("train.txt") + ":2", e.origin().orElseThrow());
        assertInstanceOf(DecodeException.class, e.getCause());
    }

    @Test
    public void undecodableBytesFailNamingTheIndexThePathAndTheReason() throws IOException {
        Files.write(images.resolve("c.tiny"), new byte[] {1, 2});
        SampleLoadException e = assertThrows(SampleLoadException.class, () -> builder().build().get(2));
        assertEquals("sample 2 (" + images.resolve("c.tiny") + ", " + dir.resolve("train.txt") + ":3): not a tiny image: 2 bytes, expected 3",
                e.getMessage());
        assertEquals(images.resolve("c.tiny").toString(), ((DecodeException) e.getCause()).source());
    }

    @Test
    public void aFolderWhereAnImageShouldBeIsAnErrorNamingIt() throws IOException {
        Files.delete(images.resolve("c.tiny"));
        Files.createDirectory(images.resolve("c.tiny"));
        SampleLoadException e = assertThrows(SampleLoadException.class, () -> builder().build().get(2));
        assertEquals("sample 2 (" + images.resolve("c.tiny") + ", " + dir.resolve("train.txt")
                + ":3): is a directory, not a regular file", e.getMessage());
    }

    @Test
    public void decodeOptionsReachTheDecoder() {
        Image grey = builder().decodeOptions(DecodeOptions.DEFAULT.withMode(ColorMode.GRAY)).build().get(0).image();
        assertEquals(1, grey.channels());
    }

    @Test
    public void theTransformDrawsFromTheRandomSourceItIsGiven() {
        ImageLabelDataset<Integer> dataset = builder()
                .transform((image, random) -> image.get(0, 0, 0) * 1000 + random.nextInt(1000))
                .build();
        int expected = 10 * 1000 + new SplittableRandom(42).nextInt(1000);
        assertEquals(expected, dataset.get(0, new SplittableRandom(42)).image());
    }

    @Test
    public void getWithoutARandomSourceIsTheSameOnEveryCall() {
        ImageLabelDataset<Long> dataset = builder().transform((image, random) -> random.nextLong()).build();
        assertEquals(dataset.get(1).image(), dataset.get(1).image());
        assertFalse(dataset.get(0).image().equals(dataset.get(1).image()), "different indices, different draws");
    }

    @Test
    public void aFailingTransformIsReportedWithTheIndexAndPath() {
        IllegalArgumentException refusal = new IllegalArgumentException("needs 4 channels, got 3");
        Transform<Image, Image> refusing = (image, random) -> {
            throw refusal;
        };
        ImageLabelDataset<Image> dataset = builder().transform(refusing).build();
        SampleLoadException e = assertThrows(SampleLoadException.class, () -> dataset.get(0));
        assertEquals("sample 0 (" + images.resolve("cats/a.tiny") + ", " + dir.resolve("train.txt") + ":1): the transform failed: needs 4 channels, got 3",
                e.getMessage());
        assertSame(refusal, e.getCause());
    }

    @Test
    public void aTransformReturningNullIsAnError() {
        ImageLabelDataset<Image> dataset = builder().transform((image, random) -> (Image) null).build();
        assertEquals("sample 0 (" + images.resolve("cats/a.tiny") + ", " + dir.resolve("train.txt") + ":1): the transform returned null",
                assertThrows(SampleLoadException.class, () -> dataset.get(0)).getMessage());
    }

    @Test
    public void theBuilderKeepsItsSettingsAcrossATransform() {
        ImageLabelDataset<Integer> dataset = builder().repeat(Repeat.times(2))
                .transform((image, random) -> image.width())
                .build();
        assertEquals(6, dataset.size());
        assertEquals(3, dataset.get(4).image());
        assertSame(index, dataset.labelIndex());
        assertEquals(images, dataset.imageRoot());
    }

    @Test
    public void aRepeatCountBelowOneIsRefused() {
        assertEquals("repeat count must be >= 1, was 0; use Repeat.forever() for an endless dataset",
                assertThrows(IllegalArgumentException.class, () -> Repeat.times(0)).getMessage());
        assertEquals("Repeat.forever() has no count",
                assertThrows(IllegalStateException.class, () -> Repeat.forever().count()).getMessage());
        assertEquals("Repeat[3 times]", Repeat.times(3).toString());
        assertEquals(Repeat.times(3), Repeat.times(3));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
