package dev.sluice.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop over the sample photographs, sorted into a folder per subject, decoded for real. */
class FolderTrainingTest {
    private static final Path SAMPLE_DATA = Path.of(System.getProperty("sluice.sampleData", "../sample-data"));
    private static final Pattern BATCH = Pattern.compile(
            "epoch (\\d) batch (\\d): images float32 \\[(\\d), 3, 64, 64\\], labels tensor\\(\\[([\\d, ]+)\\], "
                    + "shape=\\[(\\d)\\], dtype=int64\\), loss (\\d+\\.\\d{4})");

    @TempDir
    Path dir;

    @Test
    void theSampleDataBecomesOneFolderPerSubject() throws IOException {
        Path root = SampleFolders.bySubject(SAMPLE_DATA, dir);
        assertEquals(List.of("flower", "insect", "leaf-or-grass", "sky-or-landscape", "water"), list(root));
        assertEquals(List.of("fresh-flower.jpg", "garden.jpg", "yellow-flower.jpg"), list(root.resolve("flower")));
        assertEquals(List.of("lady-bird.jpg"), list(root.resolve("insect")));
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void twoEpochsOfShuffledBatchesWithClassIndexLabelsTrainTheModel() throws IOException, InterruptedException {
        Path root = SampleFolders.bySubject(SAMPLE_DATA, dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Double> losses = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> FolderTraining.train(root, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));

        assertEquals("10 images in 5 classes [flower, insect, leaf-or-grass, sky-or-landscape, water]", lines.get(0));
        List<List<Long>> epochLabels = List.of(new ArrayList<>(), new ArrayList<>());
        int line = 1;
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int batch = 0; batch < 3; batch++) {
                Matcher m = BATCH.matcher(lines.get(line++));
                assertTrue(m.matches(), lines.get(line - 1));
                assertEquals(List.of(epoch, batch), List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                int size = batch < 2 ? 4 : 2;
                assertEquals(size, Integer.parseInt(m.group(3)), "batches of 4, the last of 2");
                assertEquals(size, Integer.parseInt(m.group(5)), "one class index per image: int64 [N]");
                for (String label : m.group(4).split(", ")) {
                    epochLabels.get(epoch).add(Long.parseLong(label));
                }
            }
            assertTrue(lines.get(line++).startsWith("epoch " + epoch + ": 3 batches, mean loss "));
        }
        assertEquals(line, lines.size());
        for (List<Long> labels : epochLabels) {
            // By folder: flower (3 images), insect (1), leaf-or-grass (2), sky-or-landscape (2), water (2).
            assertEquals(List.of(0L, 0L, 0L, 1L, 2L, 2L, 3L, 3L, 4L, 4L), labels.stream().sorted().toList(),
                    "every image once an epoch, with its folder's class");
        }
        assertTrue(!epochLabels.get(0).equals(epochLabels.get(1)), "each epoch is shuffled anew: " + epochLabels);
        assertEquals(2, losses.size());
        assertTrue(lines.get(1).endsWith(", loss 1.6094"), "the untrained model guesses five classes evenly, ln 5: "
                + lines.get(1));
        assertTrue(losses.stream().allMatch(loss -> loss > 0 && loss < 10), "finite cross-entropies: " + losses);
        assertWorkersEnd();
    }

    /** The loader's worker threads end once it is closed (they may take a moment to unwind). */
    private static void assertWorkersEnd() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> alive = liveWorkers();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            alive = liveWorkers();
        }
        assertEquals(List.of(), alive, "worker threads left after the loader closed");
    }

    private static List<String> liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("sluice-worker")).sorted().toList();
    }
}
