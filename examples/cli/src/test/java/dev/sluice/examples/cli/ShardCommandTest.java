package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice shard}, and the other commands over the shards it writes. */
class ShardCommandTest {
    @TempDir
    Path dir;

    /** A configuration reading the shards in {@code shards}, decoded and transformed as {@code transforms} says. */
    private Path shardConfig(Path shards, String transforms) throws IOException {
        return Files.writeString(dir.resolve("shards.yaml"), "dataset:\n  shards: " + shards + "/*.tar\n"
                + "transforms:\n" + transforms + "loader:\n  batch_size: 7\n  num_workers: 2\n");
    }

    @Test
    void theSampleDatasetBecomesShardsThatRunReadsBack() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result written = Cli.run("shard", Cli.sampleConfig(), "--out", out.toString(), "--shard-size", "4");
        assertEquals(0, written.status(), written::toString);
        assertEquals(1, written.outLines().size());
        assertTrue(written.outLines().get(0).startsWith("wrote 10 samples into 3 shards ("), written.out());
        assertTrue(written.outLines().get(0).endsWith(" in " + out + ": shard-000000.tar .. shard-000002.tar"),
                written.out());
        Path config = shardConfig(out, "  - resize: {height: 96, width: 96}\n  - to_tensor: {}\n");
        Cli.Result run = Cli.run("run", config.toString(), "--epochs", "2");
        assertEquals(0, run.status(), run::toString);
        assertEquals(2, run.outLines().size(), run::toString);
        assertTrue(run.outLines().get(0).startsWith("epoch 0: 2 batches, 10 samples, 0 skipped, "), run.out());
        Cli.Result dump = Cli.run("dump", config.toString(), "--out", dir.resolve("npy").toString());
        assertEquals(0, dump.status(), dump::toString);
        // Each worker batches its own stream: worker 0 reads shards 0 and 2 (4 + 2 samples), worker 1 shard 1.
        assertEquals(List.of("batch-00000: images float32 [6, 3, 96, 96], labels int64 [6, 2], indices []",
                "batch-00001: images float32 [4, 3, 96, 96], labels int64 [4, 2], indices []",
                "wrote 2 batches of epoch 0 to " + dir.resolve("npy")), dump.outLines());
    }

    @Test
    void resizedShardsHoldSmallerJpegs() throws IOException {
        Path out = dir.resolve("small");
        Cli.Result written = Cli.run("shard", Cli.sampleConfig(), "--out", out.toString(), "--shard-size", "10",
                "--resize", "48", "--quality", "80");
        assertEquals(0, written.status(), written::toString);
        Cli.Result dump = Cli.run("dump", shardConfig(out, "  - to_tensor: {}\n").toString(), "--out",
                dir.resolve("npy").toString(), "--batches", "1");
        assertEquals(0, dump.status(), dump::toString);
        // The sample photographs are 160 x 120: the shorter side becomes 48.
        assertTrue(dump.outLines().get(0).startsWith("batch-00000: images float32 [7, 3, 48, 64]"), dump.out());
        long original = sizeOf(Cli.sampleData().resolve("images"));
        assertTrue(sizeOf(out) < original, sizeOf(out) + " bytes of shards against " + original + " of images");
    }

    @Test
    void aByteLimitMakesShardsOfAtMostThatSize() throws IOException {
        Path out = dir.resolve("bytes");
        Cli.Result written = Cli.run("shard", Cli.sampleConfig(), "--out", out.toString(), "--shard-size", "40KB");
        assertEquals(0, written.status(), written::toString);
        try (Stream<Path> shards = Files.list(out)) {
            for (Path shard : shards.toList()) {
                assertTrue(Files.size(shard) <= 40_000 || Files.size(shard) <= 2 * 10240 + 40_000,
                        shard + " is " + Files.size(shard) + " bytes");
            }
        }
    }

    @Test
    void aMissingOrMalformedShardSizeIsAUsageError() {
        Cli.Result missing = Cli.run("shard", Cli.sampleConfig(), "--out", dir.toString());
        assertEquals(2, missing.status());
        assertEquals(List.of("sluice: sluice shard needs --shard-size N|SIZE: samples per shard (1000), or bytes per shard "
                + "with a unit: KB, MB, GB, KiB, MiB, GiB (256MB)"), missing.errLines());
        Cli.Result malformed = Cli.run("shard", Cli.sampleConfig(), "--out", dir.toString(), "--shard-size", "lots");
        assertEquals(2, malformed.status());
        assertEquals(List.of("sluice: --shard-size must be a number of samples (1000) or of bytes with a unit (256MB), "
                + "was 'lots'"), malformed.errLines());
    }

    /** Issue 15, items 14 and 16: counts that overflow or would exhaust memory are refused up front, exit 2. */
    @Test
    void anImpossibleShardSizeOrPatternIsAUsageError() {
        Cli.Result huge = Cli.run("shard", Cli.sampleConfig(), "--out", dir.toString(), "--shard-size",
                "99999999999GB");
        assertEquals(2, huge.status(), huge::toString);
        assertEquals(List.of("sluice: --shard-size 99999999999GB is more bytes than a file can hold; the most is "
                + "9223372036GB"), huge.errLines());
        Cli.Result wide = Cli.run("shard", Cli.sampleConfig(), "--out", dir.toString(), "--shard-size", "4",
                "--pattern", "%0999999999d");
        assertEquals(2, wide.status(), wide::toString);
        assertEquals(List.of("sluice: --pattern: pattern '%0999999999d' asks for 999999999 characters; a shard's name "
                + "may have at most 255"), wide.errLines());
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
