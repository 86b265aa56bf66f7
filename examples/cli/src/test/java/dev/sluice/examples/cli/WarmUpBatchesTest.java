package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.core.wiring.SluiceConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loader.warm_up}: the warm-up runs the configured decoder and transforms on a photograph of
 * its own while the loader is built, with every built-in plugin on the class path; the batches are
 * the same bytes with it and without it, under random augmentation too, and no warm-up thread is left.
 */
class WarmUpBatchesTest {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover(WarmUpBatchesTest.class.getClassLoader());

    @TempDir
    Path dir;

    private void writePhotographs() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        SplittableRandom random = new SplittableRandom(4);
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            int width = 300 + 17 * i;
            int height = 200 + 9 * i;
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int value = (x * 3 + y * (i + 1)) % 200 + random.nextInt(50);
                    image.setRGB(x, y, value << 16 | (255 - value) << 8 | (x + y) % 256);
                }
            }
            ImageIO.write(image, "jpeg", images.resolve(i + ".jpg").toFile());
            labels.append(i).append(".jpg ").append(i % 4).append('\n');
        }
        Files.writeString(dir.resolve("train.txt"), labels);
    }

    private List<byte[]> batches(String backend, boolean warmUp) {
        String yaml = "dataset:\n  labels: train.txt\n  root: images\n"
                + "decoder:\n  backend: " + backend + "\n"
                + "transforms:\n  - random_resized_crop: {size: 96}\n  - random_horizontal_flip: {}\n"
                + "  - to_tensor: {}\n  - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}\n"
                + "loader:\n  batch_size: 5\n  num_workers: 2\n  shuffle: true\n  seed: 7\n  warm_up: " + warmUp + "\n";
        List<byte[]> batches = new ArrayList<>();
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(
                SluiceConfig.parse(yaml, dir, List.of()), PLUGINS)) {
            assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName()
                    .equals("sluice-warm-up") && thread.isAlive()), "no warm-up thread once the loader exists");
            for (int epoch = 0; epoch < 2; epoch++) {
                for (LabeledBatch batch : loader) {
                    batches.add(bytes(batch.images()));
                    batches.add(bytes(batch.labels()));
                }
            }
        }
        return batches;
    }

    private static byte[] bytes(Tensor tensor) {
        ByteBuffer data = tensor.data();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "turbojpeg", "opencv", "imageio"})
    void theBatchesAreTheSameBytesWithAndWithoutTheWarmUp(String backend) throws IOException {
        writePhotographs();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            List<byte[]> cold = batches(backend, false);
            List<byte[]> warm = batches(backend, true);
            assertEquals(cold.size(), warm.size());
            for (int i = 0; i < cold.size(); i++) {
                assertEquals(ByteBuffer.wrap(cold.get(i)), ByteBuffer.wrap(warm.get(i)), backend + ", batch part " + i);
            }
        });
    }
}
