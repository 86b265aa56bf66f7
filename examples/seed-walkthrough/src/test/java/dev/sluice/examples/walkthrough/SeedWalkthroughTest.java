package dev.sluice.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.Repeat;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.wiring.Sluice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java walkthrough and its YAML twin build the same loader; the walkthrough prints what the recipe does. */
class SeedWalkthroughTest {
    private static final Path DATA = Path.of(System.getProperty("sluice.sampleData", "../sample-data"));
    private static final Path YAML = Path.of(System.getProperty("sluice.walkthroughYaml", "seed-walkthrough.yaml"));

    @TempDir
    Path dir;

    private static <S> List<LabeledBatch> epoch(DataLoader<S, LabeledBatch> loader) {
        List<LabeledBatch> batches = new ArrayList<>();
        loader.forEach(batches::add);
        return batches;
    }

    @Test
    void theJavaAndItsYamlTwinGiveTheSameBatches() throws IOException {
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> java = SeedWalkthrough.loader(SeedWalkthrough.dataset(
                DATA.resolve("train.txt"), DATA.resolve("images"), Repeat.times(1)));
                DataLoader<LabeledSample<Object>, LabeledBatch> yaml = Sluice.fromConfig(YAML)) {
            for (int epoch = 0; epoch < 2; epoch++) {
                List<LabeledBatch> fromJava = epoch(java);
                assertEquals(2, fromJava.size());
                assertEquals(fromJava, epoch(yaml), "epoch " + epoch);
            }
        }
    }

    /** A printed batch: the line starts with {@code start} and ends with {@code end}. */
    private static void assertLine(String start, String end, String line) {
        assertTrue(line.startsWith(start) && line.endsWith(end), line);
    }

    @Test
    void theWalkthroughPrintsTwoEpochsThenTheExactStepsAndSavesTheFirstBatch() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path picture = dir.resolve("first.png");
        SeedWalkthrough.run(DATA, picture, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        assertEquals(9, lines.size(), String.join("\n", lines));
        String sevenImages = "shape=[7, 3, 96, 96], dtype=float32) tensor(";
        String threeImages = "shape=[3, 3, 96, 96], dtype=float32) tensor(";
        String firstLabels = "[[2, 3], [1, 0], [3, 2], [0, 1], [0, 1], [1, 0], [4, 0]], shape=[7, 2], dtype=int64)";
        String lastLabels = "[[2, 0], [3, 3], [0, 2]], shape=[3, 2], dtype=int64)";
        for (int epoch = 0; epoch < 2; epoch++) {
            assertLine("epoch " + epoch + " batch 0: tensor([[[[", sevenImages + firstLabels, lines.get(2 * epoch));
            assertLine("epoch " + epoch + " batch 1: tensor([[[[", threeImages + lastLabels, lines.get(2 * epoch + 1));
        }
        for (int step = 0; step < 4; step++) {
            String line = lines.get(4 + step);
            assertLine("step " + step + ": tensor([[[[", "shape=[7, 2], dtype=int64)", line);
            assertTrue(line.contains(sevenImages + "[["), line);
        }
        assertEquals("the first batch: " + picture, lines.get(8));
        byte[] png = Files.readAllBytes(picture);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG file");
    }
}
