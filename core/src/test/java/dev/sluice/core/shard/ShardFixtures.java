package dev.sluice.core.shard;

import dev.sluice.api.Image;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.testing.RegistryLabelFormats;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shards of tiny images whose single label is the sample's number over all shards. */
final class ShardFixtures {
    private ShardFixtures() {
    }

    /**
     * Writes {@code shards} shards of {@code perShard} samples: sample {@code g} (from 0) has key
     * {@code %06d}, a 2x1 tiny image filled with {@code g % 256} and the label {@code g}.
     */
    static List<Path> write(Path dir, int shards, int perShard) throws IOException {
        int[] sizes = new int[shards];
        java.util.Arrays.fill(sizes, perShard);
        return write(dir, sizes);
    }

    /** As {@link #write(Path, int, int)} with {@code sizes[i]} samples in shard {@code i}. */
    static List<Path> write(Path dir, int[] sizes) throws IOException {
        List<Path> paths = new ArrayList<>();
        int sample = 0;
        for (int shard = 0; shard < sizes.length; shard++) {
            ShardWriter writer = ShardWriter.builder(dir).pattern("s" + shard + "-%d.tar")
                    .maxSamples(Long.MAX_VALUE).mtime(Instant.ofEpochSecond(1_700_000_000L)).build();
            try (writer) {
                for (int i = 0; i < sizes[shard]; i++, sample++) {
                    Map<String, byte[]> members = new LinkedHashMap<>();
                    members.put("tiny", TinyImageDecoder.encode(2, 1, sample % 256));
                    members.put("cls", Integer.toString(sample).getBytes(StandardCharsets.US_ASCII));
                    writer.write(String.format("%06d", sample), members);
                }
            }
            paths.addAll(writer.shards());
        }
        return paths;
    }

    static ShardDatasetBuilder<Image> builder(List<Path> shards) {
        return ShardDataset.builder(shards, new TinyImageDecoder()).imageExtensions(List.of("tiny"))
                .labels("cls", RegistryLabelFormats.txt());
    }

    /** The labels of every sample the iterator yields, draining it. */
    static List<Long> labels(Iterator<? extends LabeledSample<?>> samples) {
        List<Long> labels = new ArrayList<>();
        samples.forEachRemaining(sample -> labels.add(sample.label(0)));
        return labels;
    }
}
