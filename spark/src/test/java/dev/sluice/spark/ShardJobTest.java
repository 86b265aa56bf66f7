package dev.sluice.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.shard.ShardDataset;
import dev.sluice.core.wiring.ShardExport;
import dev.sluice.core.wiring.SluiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit job, run in local[2]: a label-file dataset into tar shards or Parquet. */
class ShardJobTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;
    private static Path config;

    @BeforeAll
    static void startSparkAndWriteImages() throws IOException {
        config = SparkFixtures.write(dir);
        spark = SparkFixtures.spark();
    }

    @Test
    void tasksWritingShardRangesWriteWhatOneMachineWrites() throws IOException {
        Path out = dir.resolve("tar");
        ShardJob.Summary summary = ShardJob.run(spark, config.toString(), "--out", out.toString(), "--shard-size", "5",
                "--parts", "3");
        assertEquals(SparkFixtures.IMAGES, summary.samples());
        assertEquals(0, summary.skipped());
        List<Path> shards = summary.outputs().stream().map(Path::of).toList();
        assertEquals(List.of("shard-000000.tar", "shard-000001.tar", "shard-000002.tar", "shard-000003.tar",
                "shard-000004.tar"), shards.stream().map(shard -> shard.getFileName().toString()).toList());
        ShardExport.Result alone = ShardExport.builder(SluiceConfig.load(config), ConfigText.plugins(), dir.resolve("alone"))
                .maxSamples(5).build().run();
        LabelFormat txt = ConfigText.plugins().require(PluginKind.LABEL_FORMAT, LabelFormatProvider.class, "txt", "the test")
                .create(Options.empty());
        ShardDataset<Image> fromSpark = ShardDataset.builder(shards, decoder()).labels("cls", txt).build();
        ShardDataset<Image> fromOneMachine = ShardDataset.builder(alone.shards(), decoder()).labels("cls", txt).build();
        List<String> sparkSamples = describe(fromSpark);
        assertEquals(describe(fromOneMachine), sparkSamples);
        assertEquals(SparkFixtures.IMAGES, sparkSamples.size());
        assertTrue(sparkSamples.get(23).endsWith("labels [3, 23]"), sparkSamples.get(23));
    }

    @Test
    void parquetRowsHoldEachImageFileAsItIsWithItsLabels() throws IOException {
        String out = dir.resolve("parquet").toString();
        ShardJob.Summary summary = ShardJob.run(spark, config.toString(), "--out", out, "--format", "parquet",
                "--shard-size", "7");
        assertEquals(SparkFixtures.IMAGES, summary.samples());
        Map<String, Row> rows = new HashMap<>();
        for (Row row : spark.read().parquet(out).collectAsList()) {
            rows.put(row.getString(0), row);
        }
        for (int n = 0; n < SparkFixtures.IMAGES; n++) {
            Row row = rows.get(String.format("%06d", n));
            assertEquals("png", row.getString(1));
            assertArrayEquals(Files.readAllBytes(dir.resolve(String.format("images/img-%02d.png", n))), (byte[]) row.get(2));
            assertEquals(List.of((long) n % 4, (long) n), row.getList(3));
        }
    }

    @Test
    void anOutputFolderWithShardsAndABadCommandLineAreRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("shard-000000.tar"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardJob.run(spark, config.toString(), "--out", out.toString()));
        assertEquals(out.resolve("shard-000000.tar") + " exists: the output folder holds shards already; remove them or "
                + "choose another --out", e.getMessage());
        IllegalArgumentException usage = assertThrows(IllegalArgumentException.class,
                () -> ShardJob.run(spark, config.toString(), "--out", "x", "--format", "zip"));
        assertEquals("--format must be tar or parquet, was 'zip'\n" + ShardJobOptions.USAGE, usage.getMessage());
        assertEquals("--resize must be a whole number from 1 to 65536, was 'big'\n" + ShardJobOptions.USAGE,
                assertThrows(IllegalArgumentException.class, () -> ShardJobOptions.parse("c.yaml", "--out", "x",
                        "--resize", "big")).getMessage());
        assertEquals(Map.of("size", List.of(224, 256)), ShardJobOptions.parse("c.yaml", "--out", "x", "--resize",
                "224,256").resize());
    }

    private static dev.sluice.api.ImageDecoder decoder() {
        return ConfigText.plugins().require(PluginKind.DECODER, ImageDecoderProvider.class, "jdk-png", "test")
                .create(Options.empty());
    }

    private static List<String> describe(ShardDataset<Image> dataset) {
        List<String> samples = new ArrayList<>();
        dataset.iterator(0, null).forEachRemaining((LabeledSample<Image> sample) -> samples.add(sample.image() + " "
                + sample.image().hashCode() + " labels " + java.util.Arrays.toString(sample.labels())));
        return samples;
    }
}
