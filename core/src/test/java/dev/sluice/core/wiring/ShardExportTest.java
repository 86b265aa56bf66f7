package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.shard.ShardDataset;
import dev.sluice.core.testing.RegistryLabelFormats;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a configured dataset of files into shards, and reading them back as the same samples. */
class ShardExportTest {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover(ShardExportTest.class.getClassLoader());

    @TempDir
    Path dir;

    @Test
    void everyEntryBecomesOneSampleInLabelFileOrderWithItsImageBytesAndLabels() throws IOException {
        SluiceConfig config = SluiceConfig.load(TinyProject.write(dir, TinyProject.CONFIG));
        List<long[]> progress = new ArrayList<>();
        ShardExport.Result result = ShardExport.builder(config, PLUGINS, dir.resolve("out")).maxSamples(4)
                .pattern("train-%04d.tar").mtime(Instant.EPOCH)
                .progress((done, total) -> progress.add(new long[] {done, total})).build().run();
        assertEquals(List.of(dir.resolve("out/train-0000.tar"), dir.resolve("out/train-0001.tar"),
                dir.resolve("out/train-0002.tar")), result.shards());
        assertEquals(10, result.samples());
        assertEquals(0, result.skipped());
        assertEquals(3 * 10240, result.bytes());
        assertArrayEquals(new long[] {10, 10}, progress.get(progress.size() - 1));
        ShardDataset<Image> shards = ShardDataset.builder(result.shards(), new TinyImageDecoder())
                .imageExtensions(List.of("tiny")).labels("cls", RegistryLabelFormats.txt()).build();
        Iterator<LabeledSample<Image>> read = shards.iterator(0, null);
        for (int i = 0; i < 10; i++) {
            LabeledSample<Image> sample = read.next();
            assertEquals(new TinyImageDecoder().decode(java.nio.ByteBuffer.wrap(TinyImageDecoder.encode(4, 3, 20 * i)),
                    dev.sluice.api.DecodeOptions.DEFAULT), sample.image());
            assertArrayEquals(new long[] {i % 3, 10 + i}, sample.labels());
        }
    }

    @Test
    void partsWritingShardRangesTogetherWriteWhatOneRunWrites() throws IOException {
        SluiceConfig config = SluiceConfig.load(TinyProject.write(dir, TinyProject.CONFIG));
        ShardExport.Result whole = ShardExport.builder(config, PLUGINS, dir.resolve("one")).maxSamples(3)
                .mtime(Instant.EPOCH).build().run();
        ShardExport parts = ShardExport.builder(config, PLUGINS, dir.resolve("parts")).maxSamples(3).mtime(Instant.EPOCH)
                .build();
        assertEquals(4, parts.shardCount());
        List<Path> written = new ArrayList<>(parts.runShards(2, 2).shards());
        written.addAll(0, parts.runShards(0, 2).shards());
        assertEquals(List.of("shard-000000.tar", "shard-000001.tar", "shard-000002.tar", "shard-000003.tar"),
                written.stream().map(path -> path.getFileName().toString()).toList());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(Files.readAllBytes(whole.shards().get(i)), Files.readAllBytes(written.get(i)), "shard " + i);
        }
        assertEquals(0, parts.runShards(4, 3).samples());
    }

    @Test
    void aQualityReencodesWithTheEncoderAsJpegMembers() throws IOException {
        SluiceConfig config = SluiceConfig.load(TinyProject.write(dir, TinyProject.CONFIG));
        ShardExport.Result result = ShardExport.builder(config, PLUGINS, dir.resolve("out")).quality(80).build().run();
        ShardDataset<Image> shards = ShardDataset.builder(result.shards(), new TinyImageDecoder())
                .labels("cls", RegistryLabelFormats.txt()).build();
        List<Long> firsts = new ArrayList<>();
        shards.iterator(0, null).forEachRemaining(sample -> firsts.add((long) sample.image().get(0, 0, 0)));
        assertEquals(List.of(0L, 20L, 40L, 60L, 80L, 100L, 120L, 140L, 160L, 180L), firsts);
    }

    @Test
    void aResizeTheCallerBuiltIsAppliedBeforeEncodingAndOneThatGivesNoImageIsRefused() throws IOException {
        SluiceConfig config = SluiceConfig.load(TinyProject.write(dir, TinyProject.CONFIG));
        Transform<?, ?> resize = PLUGINS.require(PluginKind.TRANSFORM, TransformProvider.class, "test-resize", "test")
                .create(Options.of("resize", Map.of("width", 3, "height", 2)));
        ShardExport.Result result = ShardExport.builder(config, PLUGINS, dir.resolve("out")).resize(resize).build()
                .run();
        ShardDataset<Image> shards = ShardDataset.builder(result.shards(), new TinyImageDecoder())
                .labels("cls", RegistryLabelFormats.txt()).build();
        shards.iterator(0, null).forEachRemaining(sample -> assertEquals(List.of(3, 2),
                List.of(sample.image().width(), sample.image().height())));

        Transform<?, ?> toTensor = PLUGINS.require(PluginKind.TRANSFORM, TransformProvider.class, "test-to-tensor",
                "test").create(Options.empty());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ShardExport.builder(config, PLUGINS, dir.resolve("other")).resize(toTensor));
        assertTrue(refused.getMessage().endsWith(" takes Image and gives Tensor; a shard export's resize takes and "
                + "gives an Image"), refused.getMessage());
    }

    @Test
    void aMissingImageLeavesNothingWrittenUnlessSkipIsAsked() throws IOException {
        Path file = TinyProject.write(dir, TinyProject.CONFIG);
        // Samples are prepared eight at a time: four shards of two are written before image 9 is missed.
        Files.delete(dir.resolve("images/9.tiny"));
        SampleLoadException e = assertThrows(SampleLoadException.class, () -> ShardExport.builder(SluiceConfig.load(file),
                PLUGINS, dir.resolve("out")).maxSamples(2).build().run());
        assertEquals(9, e.index());
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(), left.toList());
        }
        ShardExport.Result skipped = ShardExport.builder(SluiceConfig.load(file, List.of("loader.on_error=skip")),
                PLUGINS, dir.resolve("out")).maxSamples(2).build().run();
        assertEquals(9, skipped.samples());
        assertEquals(1, skipped.skipped());
    }

    @Test
    void anOutputFolderHoldingShardsOrAConfigurationOfShardsIsRefused() throws IOException {
        SluiceConfig config = SluiceConfig.load(TinyProject.write(dir, TinyProject.CONFIG));
        ShardExport.builder(config, PLUGINS, dir.resolve("out")).build().run();
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> ShardExport.builder(config, PLUGINS, dir.resolve("out")).build().run());
        assertTrue(e.getMessage().endsWith("the output folder holds shards already; remove them or choose another output "
                + "folder"), e.getMessage());
        SluiceConfig shards = SluiceConfig.parse("dataset:\n  shards: out/*.tar\n", dir, List.of());
        assertEquals("<string>: dataset: names shards already; a shard export reads a dataset of image files named by a "
                + "label file (dataset.labels) (line 1)", assertThrows(ConfigException.class,
                        () -> ShardExport.builder(shards, PLUGINS, dir.resolve("again"))).getMessage());
    }
}
