package dev.sluice.core.wiring;

import dev.sluice.core.shard.ShardWriter;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same small dataset two ways: tiny images named by {@code train.txt}, and tar shards holding
 * them; sample {@code i}'s image is filled with {@code i} and its one label is {@code i}.
 */
final class ShardProject {
    /** What both configurations share after their dataset section. */
    private static final String DECODER_AND_LOADER = String.join("\n",
            "decoder:",
            "  backend: tiny",
            "loader:",
            "  batch_size: 2",
            "  shuffle: true",
            "  num_workers: 2",
            "  seed: 17",
            "");
    static final String FILES = String.join("\n",
            "dataset:",
            "  labels: train.txt",
            "  root: images",
            "") + DECODER_AND_LOADER;
    static final String SHARDS = String.join("\n",
            "dataset:",
            "  shards: shards/train-{0000..%04d}.tar",
            "  image_members: tiny",
            "  shuffle_buffer: 3",
            "") + DECODER_AND_LOADER;

    private ShardProject() {
    }

    /**
     * Writes {@code samples} images, {@code train.txt}, shards of {@code perShard} samples, and the
     * configurations {@code files.yaml} and {@code shards.yaml} into {@code dir}.
     */
    static void write(Path dir, int samples, int perShard) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        StringBuilder labels = new StringBuilder();
        try (ShardWriter writer = ShardWriter.builder(dir.resolve("shards")).pattern("train-%04d.tar")
                .maxSamples(perShard).mtime(Instant.EPOCH).build()) {
            for (int i = 0; i < samples; i++) {
                byte[] image = TinyImageDecoder.encode(2, 2, i);
                Files.write(images.resolve(i + ".tiny"), image);
                labels.append(i).append(".tiny ").append(i).append('\n');
                Map<String, byte[]> members = new LinkedHashMap<>();
                members.put("tiny", image);
                members.put("cls", Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
                writer.write(String.format("%06d", i), members);
            }
        }
        Files.writeString(dir.resolve("train.txt"), labels);
        Files.writeString(dir.resolve("files.yaml"), FILES);
        int shards = (samples + perShard - 1) / perShard;
        Files.writeString(dir.resolve("shards.yaml"), String.format(SHARDS, shards - 1));
    }
}
