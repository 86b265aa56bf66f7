package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.EpochReport;
import dev.sluice.core.loader.SkippedSample;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.shard.ShardWriter;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code on_error: skip} over tar shards (issue 15, item 7), as the README promises: a sample that
 * fails is skipped, a corrupt shard's remainder is skipped, and both are counted and reported in
 * the epoch's report as a dataset of files' skipped samples are. Before, the configuration was
 * refused when the loader was built.
 */
class ShardSkipTest {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover(ShardSkipTest.class.getClassLoader());

    @TempDir
    Path dir;

    /** Shards 0-2 hold samples 0-11 (four each), shard 1 cut at 70%; shard 3 holds a broken 100 and a good 101. */
    private void writeDamagedShards() throws IOException {
        ShardProject.write(dir, 12, 4);
        Path second = dir.resolve("shards/train-0001.tar");
        try (FileChannel channel = FileChannel.open(second, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() * 7 / 10);
        }
        try (ShardWriter writer = ShardWriter.builder(dir.resolve("shards")).pattern("train-%04d.tar").firstShard(3)
                .mtime(Instant.EPOCH).build()) {
            writer.write("000100", members("not a tiny image".getBytes(StandardCharsets.US_ASCII), 100));
            writer.write("000101", members(TinyImageDecoder.encode(2, 2, 101), 101));
        }
    }

    private static Map<String, byte[]> members(byte[] image, int label) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("tiny", image);
        members.put("cls", Integer.toString(label).getBytes(StandardCharsets.US_ASCII));
        return members;
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void failedSamplesAndCorruptRemaindersAreSkippedCountedAndReported(int workers) throws IOException {
        writeDamagedShards();
        SluiceConfig config = SluiceConfig.parse("dataset:\n  shards: shards/train-{0000..0003}.tar\n"
                + "  image_members: tiny\ndecoder:\n  backend: tiny\nloader:\n  batch_size: 3\n  num_workers: "
                + workers + "\n  on_error: skip\n", dir, List.of(), Map.of());
        List<Long> labels = new ArrayList<>();
        EpochReport report;
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(config, PLUGINS)) {
            BatchIterator<LabeledBatch> epoch = loader.iterator();
            while (epoch.hasNext()) {
                for (long label : epoch.next().labels().toLongArray()) {
                    labels.add(label);
                }
            }
            report = epoch.report();
        }
        Set<Long> distinct = new HashSet<>(labels);
        assertEquals(labels.size(), distinct.size(), "no sample twice: " + labels);
        // Shard 1 was cut inside sample 7: 4, 5 and 6 come whole, 7 lost its label member, the rest is gone.
        assertEquals(LongStream.of(0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 101).boxed().collect(Collectors.toSet()),
                distinct);
        assertEquals(3, report.skipped(), report.firstSkipped().toString());
        assertEquals(labels.size(), report.samples());
        String shards = dir.resolve("shards") + "/";
        assertEquals(List.of(shards + "train-0001.tar: 000007: sample has no 'cls' member for its labels (it has tiny)",
                shards + "train-0001.tar: after member 000007.tiny: the rest of the shard was skipped: truncated: the "
                        + "archive ends without its end-of-archive marker",
                shards + "train-0003.tar: 000100.tiny: cannot decode: not a tiny image: 16 bytes, expected 3"),
                report.firstSkipped().stream().map(SkippedSample::toString).sorted().collect(Collectors.toList()));
    }
}
