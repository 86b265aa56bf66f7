package dev.sluice.core.wiring;

import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small dataset on disk, ten tiny images with two labels each, and a configuration for it. */
final class TinyProject {
    static final String CONFIG = String.join("\n",
            "# the seed recipe as configuration",
            "dataset:",
            "  format: txt",
            "  labels: train.txt",
            "  root: images",
            "  repeat: 1",
            "decoder:",
            "  backend: tiny",
            "  mode: rgb",
            "transforms:",
            "  - test-to-tensor: {}",
            "  - test-scale: {factor: 2}",
            "loader:",
            "  batch_size: 7",
            "  shuffle: false",
            "  num_workers: 2",
            "  drop_last: false",
            "  seed: 0",
            "  on_error: raise",
            "");

    private TinyProject() {
    }

    /** Writes the images, {@code train.txt} and {@code sluice.yaml} (with {@code config} as its text) into {@code dir}. */
    static Path write(Path dir, String config) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            Files.write(images.resolve(i + ".tiny"), TinyImageDecoder.encode(4, 3, 20 * i));
            labels.append(i).append(".tiny ").append(i % 3).append(' ').append(10 + i).append('\n');
        }
        Files.writeString(dir.resolve("train.txt"), labels);
        return Files.writeString(dir.resolve("sluice.yaml"), config);
    }
}
