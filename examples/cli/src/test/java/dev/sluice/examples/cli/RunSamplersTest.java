package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice run} on configurations using each {@code loader.sampler} and a
 * {@code loader.batch_transform}: the sample photographs, each with its subject as its one class.
 */
class RunSamplersTest {
    private static final String RATE = "\\d+\\.\\d images/s";
    @TempDir
    Path dir;

    /** A configuration over the sample photographs whose loader section ends with {@code loader}. */
    private String config(String loader) throws IOException {
        Path images = Cli.sampleData().resolve("images");
        String subjects = Files.readAllLines(Cli.sampleData().resolve("train.txt")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("subjects.txt"), subjects);
        String yaml = String.join("\n", "dataset: {format: txt, labels: subjects.txt, root: '" + images + "'}",
                "transforms:", "  - resize: {height: 32, width: 32}", "  - to_tensor: {}", "loader:",
                "  batch_size: 7", "  num_workers: 2", "  seed: 5", loader, "");
        return Files.writeString(dir.resolve("sluice.yaml"), yaml).toString();
    }

    private void assertRun(String loader, String... epochLines) throws IOException {
        Cli.Result result = Cli.run("run", config(loader), "--epochs", String.valueOf(epochLines.length));
        assertEquals(0, result.status(), result::toString);
        List<String> lines = result.outLines();
        assertEquals(epochLines.length, lines.size(), result::toString);
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).matches(epochLines[i] + RATE), lines.get(i) + " against " + epochLines[i]);
        }
    }

    @Test
    void randomWithReplacementRunsNumSamplesPerEpoch() throws IOException {
        assertRun("  sampler: {random: {replacement: true, num_samples: 15}}",
                "epoch 0: 3 batches, 15 samples, 0 skipped, ", "epoch 1: 3 batches, 15 samples, 0 skipped, ");
    }

    @Test
    void weightedFromAFileAndFromTheClassesRun() throws IOException {
        Files.writeString(dir.resolve("weights.txt"), "1\n1\n1\n1\n1\n0\n0\n0\n0\n2.5\n");
        assertRun("  sampler: {weighted: {weights: weights.txt, num_samples: 20}}",
                "epoch 0: 3 batches, 20 samples, 0 skipped, ");
        assertRun("  sampler: {weighted: {weights: inverse_class_frequency}}",
                "epoch 0: 2 batches, 10 samples, 0 skipped, ");
    }

    @Test
    void subsetRunsItsIndicesOnly() throws IOException {
        Files.writeString(dir.resolve("val.txt"), "0\n4\n9\n2\n");
        assertRun("  sampler: {subset: {indices: val.txt}}", "epoch 0: 1 batches, 4 samples, 0 skipped, ");
    }

    @Test
    void mixupAndCutmixRunPerBatchAndTheirSoftLabelsAreDumpedAndInspected() throws IOException {
        String mix = String.join("\n", "  shuffle: true", "  batch_transform:", "    random_choice:",
                "      transforms: [{mixup: {alpha: 0.2, num_classes: 5}}, {cutmix: {num_classes: 5}}]");
        assertRun(mix, "epoch 0: 2 batches, 10 samples, 0 skipped, ");
        Cli.Result dump = Cli.run("dump", config(mix), "--out", dir.resolve("dump").toString(), "--batches", "1");
        assertEquals(0, dump.status(), dump::toString);
        assertTrue(dump.out().contains("labels float32 [7, 5]"), dump::toString);
        assertTrue(Files.size(dir.resolve("dump/batch-00000-labels.npy")) > 7 * 5 * 4);
        Cli.Result inspect = Cli.run("inspect", config(mix), "--out", dir.resolve("sheet.png").toString());
        assertEquals(0, inspect.status(), inspect::toString);
        assertTrue(Files.size(dir.resolve("sheet.png")) > 0);
    }

    @Test
    void aBadWeightIsAConfigurationErrorNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("weights.txt"), "1\n1\n-2\n1\n1\n1\n1\n1\n1\n1\n");
        Cli.Result result = Cli.run("run", config("  sampler: {weighted: {weights: weights.txt}}"));
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("weights.txt:3: weight -2: invalid multinomial distribution (encountering "
                + "probability entry < 0)"), result::toString);
    }
}
