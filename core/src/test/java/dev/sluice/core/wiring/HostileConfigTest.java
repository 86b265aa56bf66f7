package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Configurations written to hurt (issue 15, items 13, 14 and the messages of 16 and 17): each is
 * refused up front with one line naming the file, the key or line, and the limit; none overflows
 * the stack, exhausts the heap or starts a thread.
 */
class HostileConfigTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private ConfigException refused(String yaml, String... overrides) throws IOException {
        TinyProject.write(dir, TinyProject.CONFIG);
        Path file = Files.writeString(dir.resolve("hostile.yaml"), yaml);
        return assertTimeoutPreemptively(QUICKLY, () -> assertThrows(ConfigException.class,
                () -> SluiceConfig.load(file, List.of(overrides))));
    }

    private String file() {
        return dir.resolve("hostile.yaml").toString();
    }

    @Test
    void aSequenceHoldingItselfIsRefused() throws IOException {
        ConfigException e = refused("loader:\n  batch_size: &r [*r]\n");
        assertEquals(file() + ": not read: the alias *r is inside the collection &r names, a value without end; "
                + "aliases may only repeat what is complete (line 2)", e.getMessage());
    }

    @Test
    void aMapHoldingItselfIsRefused() throws IOException {
        ConfigException e = refused("decoder: &d {x: *d}\n");
        assertEquals(file() + ": not read: the alias *d is inside the collection &d names, a value without end; "
                + "aliases may only repeat what is complete (line 1)", e.getMessage());
    }

    @Test
    void nestingAHundredThousandDeepIsRefused() throws IOException {
        ConfigException e = refused("loader:\n  seed: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        assertEquals(file() + ": not read: collections are nested more than 100 deep; the most read is 100 (line 2)",
                e.getMessage());
    }

    @Test
    void theBillionLaughsAreRefusedAtOnce() throws IOException {
        // 48 aliases: under snakeyaml-engine's own limit of 50, and 6^8 values once expanded.
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x]\n");
        for (char name = 'b'; name <= 'i'; name++) {
            char previous = (char) (name - 1);
            String alias = "*" + previous;
            bomb.append(name).append(": &").append(name).append(" [").append(String.join(", ",
                    List.of(alias, alias, alias, alias, alias, alias))).append("]\n");
        }
        ConfigException e = refused(bomb.toString());
        assertEquals(file() + ": not read: aliases expand the document to more than 1000000 values; the most read is "
                + "1000000 (line 8)", e.getMessage());
    }

    @Test
    void twoThousandNestedBracesInTheShardPatternAreRefused() throws IOException {
        ConfigException e = refused("dataset:\n  shards: 'train-" + "{".repeat(2000) + "0" + "}".repeat(2000)
                + ".tar'\n");
        assertTrue(e.getMessage().startsWith(file() + ": dataset.shards: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("braces nest more than 32 deep (at character 39); the most expanded is 32 "
                + "(line 2)"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "num_workers | 100000 | must be from 0 to 1024 worker threads, was 100000 (line 16)",
        "num_workers | 2147483647 | must be from 0 to 1024 worker threads, was 2147483647 (line 16)",
        "prefetch_factor | 1073741824 | must be from 1 to 1024 batches per worker, was 1073741824 (line 17)",
        "batch_size | 2147483647 | must be from 1 to 1048576 samples, was 2147483647 (line 14)",
        "batch_size | 0 | must be from 1 to 1048576 samples, was 0 (line 14)"})
    void anUnreasonableCountIsRefusedWithItsLimit(String key, String value, String reason) throws IOException {
        String line = key.equals("prefetch_factor") ? "  num_workers: 2\n  prefetch_factor: " + value
                : "  " + key + ": " + value;
        String yaml = TinyProject.CONFIG.replace(key.equals("batch_size") ? "  batch_size: 7" : "  num_workers: 2", line);
        ConfigException e = refused(yaml);
        assertEquals(file() + ": loader." + key + ": " + reason, e.getMessage());
    }

    @Test
    void aNegativeListIndexInAnOverrideIsRefused() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG, "transforms[-1].test-scale.factor=3");
        assertEquals("--set: transforms[-1].test-scale.factor: [-1] is not a list index: items count from [0], and "
                + "there is no counting from the end", e.getMessage());
    }

    @Test
    void anOverrideValueNestedTooDeepIsRefused() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG, "loader.seed=" + "[".repeat(100_000));
        assertEquals("--set: loader.seed: the value is not read: collections are nested more than 100 deep; the most "
                + "read is 100", e.getMessage());
    }

    @Test
    void aMisspelledDatasetKeyListsEveryKeyOfTheSectionAndTheNearest() throws IOException {
        TinyProject.write(dir, TinyProject.CONFIG);
        Path file = Files.writeString(dir.resolve("hostile.yaml"), "dataset:\n  format: folder\n  labels: images\n"
                + "  shufle_buffer: 10\ndecoder:\n  backend: tiny\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(file));
        assertEquals(file() + ": dataset.shufle_buffer: unknown key; known: allow_empty, allow_outside_root, format, "
                + "labels, repeat, root. Did you mean 'shuffle_buffer'? It applies to tar shards (dataset.shards) only. "
                + "(line 4)", e.getMessage());
    }
}
