package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {
    /** One solid colour per image; image i has label i. */
    private static final Color[] COLOURS = {
        new Color(200, 10, 10), new Color(10, 200, 10), new Color(10, 10, 200), new Color(250, 250, 0),
        new Color(30, 60, 90)};

    @TempDir
    Path data;

    @Test
    void loadsGeneratedPhotographsThroughTheInstalledArtifacts() throws IOException {
        Path config = writeDataset();

        List<LabeledBatch> batches = TrainingData.batches(config, 2);

        // Five images in batches of two, two epochs, no shuffling: 2 + 2 + 1 per epoch.
        assertEquals(6, batches.size());
        List<Long> labels = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            LabeledBatch batch = batches.get(b);
            Tensor inputs = batch.images();
            int size = b % 3 == 2 ? 1 : 2;
            assertArrayEquals(new int[] {size, 3, 8, 8}, inputs.shape());
            assertEquals(DType.FLOAT32, inputs.dtype());
            for (long label : batch.labels().toLongArray()) {
                labels.add(label);
            }
            for (int n = 0; n < size; n++) {
                Color expected = COLOURS[(b % 3) * 2 + n];
                float[] rgb = {expected.getRed(), expected.getGreen(), expected.getBlue()};
                for (int c = 0; c < 3; c++) {
                    // A solid colour stays solid through PNG, decoding, resizing and to_tensor's / 255.
                    assertEquals(rgb[c] / 255f, inputs.getFloat(((n * 3L + c) * 8 + 5) * 8 + 3), 1e-6,
                            "batch " + b + ", image " + n + ", channel " + c);
                }
            }
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 0L, 1L, 2L, 3L, 4L), labels);
    }

    @Test
    void everySluiceJarHasItsModuleName() {
        List<Path> jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(path -> path.getFileName().toString().startsWith("sluice-"))
                .collect(Collectors.toList());
        Set<String> names = new TreeSet<>();
        for (Path jar : jars) {
            assertTrue(jar.toString().contains("local-repo"), jar + " is not from the invoker's repository");
            // Without Automatic-Module-Name the name would come from the file name: sluice.core.
            ModuleFinder.of(jar).findAll().forEach(module -> names.add(module.descriptor().name()));
        }
        assertEquals(Set.of("dev.sluice.api", "dev.sluice.core", "dev.sluice.plugins.imageio",
                "dev.sluice.plugins.transforms"), names);
    }

    private Path writeDataset() throws IOException {
        Path images = Files.createDirectories(data.resolve("images"));
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < COLOURS.length; i++) {
            BufferedImage image = new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, COLOURS[i].getRGB());
                }
            }
            String name = "colour-" + i + ".png";
            assertTrue(ImageIO.write(image, "png", images.resolve(name).toFile()));
            labels.append(name).append(' ').append(i).append('\n');
        }
        Files.writeString(data.resolve("train.txt"), labels);
        return Files.writeString(data.resolve("sluice.yaml"), String.join("\n",
                "dataset: {format: txt, labels: train.txt, root: images}",
                "decoder: {backend: imageio, mode: rgb}",
                "transforms:",
                "  - resize: {height: 8, width: 8}",
                "  - to_tensor: {}",
                "loader: {batch_size: 2, shuffle: false, num_workers: 2, seed: 0}",
                ""));
    }
}
