package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice run} under {@code on_error: skip}: a corrupt file costs exactly its sample, and is named. */
class RunSkipTest {
    private static final int IMAGES = 300;

    @TempDir
    Path dir;

    /** Writes {@code IMAGES} tiny PNGs, the ones numbered in {@code corrupt} cut short; returns the configuration. */
    private Path dataset(Set<Integer> corrupt) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < IMAGES; i++) {
            BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
            image.setRGB(i % 4, i % 3, 0x10203 * (i % 80));
            Path file = images.resolve(String.format("img-%03d.png", i));
            ImageIO.write(image, "png", file.toFile());
            if (corrupt.contains(i)) {
                byte[] bytes = Files.readAllBytes(file);
                Files.write(file, Arrays.copyOf(bytes, 20));
            }
            labels.append(file.getFileName()).append(' ').append(i % 5).append('\n');
        }
        Files.writeString(dir.resolve("train.txt"), labels, StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve("sluice.yaml"), """
                dataset: {format: txt, labels: train.txt, root: images}
                decoder: {backend: imageio, mode: rgb}
                transforms:
                  - to_tensor: {}
                loader: {batch_size: 16, num_workers: 2, on_error: skip}
                """, StandardCharsets.UTF_8);
    }

    @Test
    void aCorruptFileCostsExactlyItsSampleAndIsNamed() throws IOException {
        Path config = dataset(Set.of(137));
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(0, result.status(), result::toString);
        assertTrue(result.outLines().get(0).startsWith("epoch 0: 19 batches, 299 samples, 1 skipped, "), result::toString);
        List<String> skipped = result.errLines().stream().filter(line -> line.startsWith("skipped ")).toList();
        assertEquals(1, skipped.size(), result::toString);
        assertTrue(skipped.get(0).startsWith("skipped sample 137 (" + dir.resolve("images/img-137.png") + ", "),
                skipped.get(0));
    }

    @Test
    void theSummaryNamesTheFirstTenSkippedAndCountsTheRest() throws IOException {
        Path config = dataset(Set.of(3, 5, 40, 41, 42, 90, 120, 121, 150, 200, 250, 299));
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(0, result.status(), result::toString);
        assertTrue(result.outLines().get(0).startsWith("epoch 0: 19 batches, 288 samples, 12 skipped, "),
                result::toString);
        List<String> skipped = result.errLines().stream().filter(line -> line.startsWith("skipped sample ")).toList();
        assertEquals(List.of(3, 5, 40, 41, 42, 90, 120, 121, 150, 200), skipped.stream()
                .map(line -> Integer.parseInt(line.split(" ")[2])).toList(), result::toString);
        assertTrue(result.errLines().contains("... and 2 more skipped"), result::toString);
    }
}
