package dev.sluice.core.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Transform;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.plugin.PluginException;
import dev.sluice.core.shard.ShardDataset;
import dev.sluice.core.shard.ShardWriter;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LabeledImages} over real label files and tar shards, decoded by the {@code auto} choice. */
class LabeledImagesTest {
    private static final Transform<Image, Integer> FIRST_PIXEL = Transform.typed(Image.class, Integer.class,
            (image, random) -> image.pixels().get(0) & 0xFF);

    @TempDir
    Path dir;

    private Path images() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.write(images.resolve("a.png"), TinyImageDecoder.encode(2, 2, 11));
        Files.write(images.resolve("b.png"), TinyImageDecoder.encode(1, 3, 22));
        return images;
    }

    @Test
    void fromTxtReadsTheSeedRecipesLines() throws IOException {
        Path images = images();
        Path labels = Files.writeString(dir.resolve("train.txt"), "# name label\nb.png 4 1\na.png 2 0\n");

        ImageLabelDataset<Image> dataset = LabeledImages.fromTxt(labels, images);

        assertEquals(2, dataset.size());
        assertEquals(3, dataset.get(0).image().height());
        assertArrayEquals(new long[] {4, 1}, dataset.get(0).labels());
        assertEquals(11, LabeledImages.fromTxt(labels, images, FIRST_PIXEL).get(1).image());
    }

    @Test
    void fromTxtNamesABadLineByFileAndLine() throws IOException {
        Path images = images();
        Path labels = Files.writeString(dir.resolve("train.txt"), "a.png 1\nb.png one\n");
        LabelFormatException refused = assertThrows(LabelFormatException.class,
                () -> LabeledImages.fromTxt(labels, images));
        assertTrue(refused.getMessage().startsWith(labels + ":2: "), refused.getMessage());
    }

    @Test
    void fromCsvReadsThePathColumnAndEveryOtherAsALabel() throws IOException {
        Path images = images();
        Path labels = Files.writeString(dir.resolve("train.csv"), "species,path,pose\n3,a.png,7\n5,b.png,9\n");

        ImageLabelDataset<Integer> dataset = LabeledImages.fromCsv(labels, images, FIRST_PIXEL);

        assertEquals(new LabeledSample<>(11, new long[] {3, 7}), dataset.get(0));
        assertEquals(new LabeledSample<>(22, new long[] {5, 9}), dataset.get(1));
    }

    @Test
    void theBuilderTakesAnyLabelFormatWithItsOptions() throws IOException {
        Path images = images();
        Path labels = Files.writeString(dir.resolve("train.csv"), "file;species;pose\nb.png;5;9\n");

        ImageLabelDataset<Image> dataset = LabeledImages.builder("csv",
                Map.of("path_column", "file", "label_columns", List.of("pose"), "delimiter", ";"), labels, images).build();

        assertArrayEquals(new long[] {9}, dataset.get(0).labels());
    }

    @Test
    void anUnknownLabelFormatIsAPluginErrorWithASuggestion() throws IOException {
        Path images = images();
        Path labels = images.resolve("a.png");
        PluginException refused = assertThrows(PluginException.class, () -> LabeledImages.builder("txtt", labels, images));
        assertTrue(refused.getMessage().startsWith("label format 'txtt' (LabeledImages, labels " + labels + ") not found."
                + " Found: csv (priority 100), "), refused.getMessage());
        assertTrue(refused.getMessage().contains("Did you mean 'txt'?"), refused.getMessage());
    }

    @Test
    void fromShardsReadsEachSampleWithItsClsLabel() throws IOException {
        Path shards = dir.resolve("shards");
        try (ShardWriter writer = ShardWriter.builder(shards).pattern("train-%02d.tar").maxSamples(2).build()) {
            for (int i = 0; i < 3; i++) {
                Map<String, byte[]> members = new LinkedHashMap<>();
                members.put("png", TinyImageDecoder.encode(1, 1, 100 + i));
                members.put("cls", Integer.toString(i * 2).getBytes(StandardCharsets.US_ASCII));
                writer.write("s" + i, members);
            }
        }

        ShardDataset<Integer> dataset = LabeledImages.fromShards(shards + "/train-{00..01}.tar", FIRST_PIXEL);

        List<LabeledSample<Integer>> samples = new ArrayList<>();
        for (Iterator<LabeledSample<Integer>> it = dataset.iterator(0); it.hasNext(); ) {
            samples.add(it.next());
        }
        assertEquals(List.of(new LabeledSample<>(100, new long[] {0}), new LabeledSample<>(101, new long[] {2}),
                new LabeledSample<>(102, new long[] {4})), samples);
    }

    @Test
    void fromShardsNamesAGlobThatMatchesNothing() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LabeledImages.fromShards(dir + "/none-*.tar"));
        assertTrue(refused.getMessage().contains("matches no file"), refused.getMessage());
    }
}
