package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.sampler.Rank;
import dev.sluice.core.shard.ShardDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset section naming tar shards: what it reads, how it is wired, and the errors it gives. */
class SluiceShardConfigTest {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover(SluiceShardConfigTest.class.getClassLoader());

    @TempDir
    Path dir;

    private SluiceConfig parse(String yaml, String... overrides) {
        return SluiceConfig.parse(yaml, dir, List.of(overrides), Map.of());
    }

    private ConfigException refused(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> parse(yaml, overrides));
    }

    @Test
    void aBracePatternNamesTheShardsAndTheDefaultsAreWebDatasets() throws IOException {
        ShardProject.write(dir, 10, 4);
        SluiceConfig config = parse(String.format(ShardProject.SHARDS, 2));
        assertTrue(config.readsShards());
        ShardSettings shards = config.shards();
        assertEquals(List.of(dir.resolve("shards/train-0000.tar"), dir.resolve("shards/train-0001.tar"),
                dir.resolve("shards/train-0002.tar")), shards.shards());
        assertEquals("txt", shards.format());
        assertEquals("cls", shards.labelMember());
        assertEquals(List.of("tiny"), shards.imageMembers());
        assertEquals(3, shards.shuffleBuffer());
        assertEquals(Rank.SINGLE, config.loader().rank());
    }

    @Test
    void aGlobAndAListWorkTooAndJsonMembersDefaultToTheJsonFormat() throws IOException {
        ShardProject.write(dir, 10, 4);
        SluiceConfig config = parse("dataset:\n  shards: [shards/*-0000.tar, 'shards/train-000{1,2}.tar']\n"
                + "  label_member: json\n  key: cls\n");
        assertEquals(3, config.shards().shards().size());
        assertEquals("json", config.shards().format());
        assertEquals("dataset{key=cls}", config.shards().formatOptions().toString());
    }

    @Test
    void theConfiguredShardLoaderDeliversEverySampleOnceWithGuiceAndWithout() throws IOException {
        ShardProject.write(dir, 10, 4);
        SluiceConfig config = parse(String.format(ShardProject.SHARDS, 2));
        List<Long> byHand = labels(Sluice.fromConfig(config, PLUGINS));
        Injector injector = Guice.createInjector(new SluiceModule(config, PLUGINS));
        List<Long> fromGuice = labels(injector.getInstance(
                Key.get(new TypeLiteral<DataLoader<LabeledSample<Object>, LabeledBatch>>() { })));
        assertEquals(byHand, fromGuice);
        List<Long> sorted = new ArrayList<>(byHand);
        sorted.sort(null);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), sorted);
        assertTrue(injector.getInstance(Key.get(new TypeLiteral<ShardDataset<Object>>() { })).toString()
                .startsWith("ShardDataset[3 shards, shuffle=true, buffer=3, seed=17"));
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(LabelIndex.class));
        assertTrue(e.getMessage().contains("<string>: dataset: names shards (dataset.shards), so there is no label index"),
                e.getMessage());
    }

    @Test
    void aMissingShardNamesTheKeyAndTheLine() throws IOException {
        ShardProject.write(dir, 10, 4);
        ConfigException e = refused(String.format(ShardProject.SHARDS, 5));
        assertEquals("<string>: dataset.shards: 3 of 6 shards do not exist: " + dir.resolve("shards/train-0003.tar")
                + ", " + dir.resolve("shards/train-0004.tar") + ", " + dir.resolve("shards/train-0005.tar")
                + " (line 2)", e.getMessage());
        assertEquals("<string>: dataset.shards: 'none/*.tar' matches no file (line 2)",
                refused("dataset:\n  shards: none/*.tar\n").getMessage());
        assertEquals("<string>: dataset.shards: 'train-{0000..0003.tar': '{' without a matching '}' (line 2)",
                refused("dataset:\n  shards: train-{0000..0003.tar\n").getMessage());
    }

    @Test
    void fileKeysAndAnIdleShuffleBufferAreRefusedWithShards() throws IOException {
        ShardProject.write(dir, 4, 4);
        assertEquals("<string>: dataset.labels: is not used with dataset.shards: a shard holds its samples' images and "
                + "labels (line 3)", refused("dataset:\n  shards: shards/*.tar\n  labels: train.txt\n").getMessage());
        assertEquals("<string>: dataset.shuffle_buffer: has no effect unless loader.shuffle is true (line 3)",
                refused("dataset:\n  shards: shards/*.tar\n  shuffle_buffer: 10\n").getMessage());
        assertEquals("<string>: dataset.shards: must be a shard pattern such as 'train-{0000..0127}.tar' or "
                + "'shards/*.tar', or a list of them; was 3 (line 2)", refused("dataset:\n  shards: 3\n").getMessage());
    }

    @Test
    void rankAndWorldSizeComeTogetherFromTheConfigurationOrTheEnvironment() throws IOException {
        ShardProject.write(dir, 4, 4);
        String yaml = "dataset:\n  shards: shards/*.tar\nloader:\n  rank: 1\n";
        assertEquals("<string>: loader.rank: loader.rank and loader.world_size go together: set both, or neither to "
                + "take RANK and WORLD_SIZE from the environment (line 4)", refused(yaml).getMessage());
        assertEquals("<string>: loader.rank: must be in [0, 1] for loader.world_size 2, was 2 (set with --set)",
                refused("dataset:\n  shards: shards/*.tar\n", "loader.rank=2", "loader.world_size=2").getMessage());
        assertEquals(new Rank(1, 2), parse("dataset:\n  shards: shards/*.tar\n", "loader.rank=1", "loader.world_size=2")
                .loader().rank());
        SluiceConfig fromEnvironment = SluiceConfig.parse("dataset:\n  shards: shards/*.tar\n", dir, List.of(),
                Map.of("RANK", "2", "WORLD_SIZE", "3"));
        assertEquals(new Rank(2, 3), fromEnvironment.loader().rank());
        ConfigException e = assertThrows(ConfigException.class, () -> SluiceConfig.parse(
                "dataset:\n  shards: shards/*.tar\n", dir, List.of(), Map.of("RANK", "0")));
        assertEquals("<string>: loader: the environment's WORLD_SIZE is not set; RANK and WORLD_SIZE are read from the "
                + "environment, where torchrun sets them for each process it starts; or set loader.rank and "
                + "loader.world_size", e.getMessage());
    }

    @Test
    void aLabelFormatUnknownToThePluginsIsNamedWithItsLine() throws IOException {
        ShardProject.write(dir, 4, 4);
        SluiceConfig config = parse("dataset:\n  shards: shards/*.tar\n  image_members: [tiny]\n  format: jsn\n"
                + "decoder:\n  backend: tiny\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> Sluice.fromConfig(config, PLUGINS));
        assertTrue(e.getMessage().contains("'jsn'") && e.getMessage().contains("Did you mean 'json'?"), e.getMessage());
    }

    @Test
    void unlabelledShardsGiveBatchesWithoutLabels() throws IOException {
        ShardProject.write(dir, 4, 4);
        SluiceConfig config = parse("dataset:\n  shards: shards/*.tar\n  image_members: tiny\n  label_member: none\n"
                + "decoder:\n  backend: tiny\nloader:\n  batch_size: 4\n");
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(config, PLUGINS)) {
            LabeledBatch batch = loader.iterator().next();
            assertArrayEquals(new int[] {4, 0}, batch.labels().shape());
        }
        Files.delete(dir.resolve("shards/train-0000.tar"));
    }

    private static List<Long> labels(DataLoader<LabeledSample<Object>, LabeledBatch> loader) {
        List<Long> labels = new ArrayList<>();
        try (loader) {
            for (LabeledBatch batch : loader) {
                for (long label : batch.labels().toLongArray()) {
                    labels.add(label);
                }
            }
        }
        return labels;
    }
}
