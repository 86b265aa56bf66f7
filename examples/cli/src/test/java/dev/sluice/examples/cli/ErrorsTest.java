package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong is one line on stderr and an exit status: 2 for usage and configuration errors
 * (a wrong configuration, a missing file, an unknown id), 1 for failures while working; a stack
 * trace only under --verbose.
 */
class ErrorsTest {
    @TempDir
    Path dir;

    private static void assertOneLine(int status, String line, Cli.Result result) {
        assertEquals(status, result.status(), result::toString);
        assertEquals(List.of(line), result.errLines(), result::toString);
        assertEquals("", result.out(), result::toString);
    }

    @Test
    void aWrongValueNamesTheFileKeyAndLine() throws IOException {
        Path config = SampleCopy.edit(SampleCopy.into(dir), "batch_size: 7", "batch_size: 0");
        int line = SampleCopy.lineOf(config, "batch_size: 0");
        assertOneLine(2, "sluice: " + config + ": loader.batch_size: must be from 1 to 1048576 samples, was 0 (line "
                + line + ")", Cli.run("run", config.toString()));
    }

    @Test
    void anUnknownKeyGetsTheKnownOnesAndASuggestion() throws IOException {
        Path config = SampleCopy.edit(SampleCopy.into(dir), "shuffle: false", "shufle: false");
        int line = SampleCopy.lineOf(config, "shufle");
        assertOneLine(2, "sluice: " + config + ": loader.shufle: unknown key; known: batch_size, batch_transform, "
                + "drop_last, in_order, num_workers, on_error, persistent_workers, pin_memory, prefetch_factor, rank, "
                + "sampler, seed, shuffle, timeout, warm_up, world_size. "
                + "Did you mean 'shuffle'? (line " + line + ")", Cli.run("dump", config.toString(), "--out", "x"));
    }

    @Test
    void aMissingLabelFileNamesThePathItTried() throws IOException {
        Path config = SampleCopy.edit(SampleCopy.into(dir), "labels: train.txt", "labels: tran.txt");
        int line = SampleCopy.lineOf(config, "tran.txt");
        assertOneLine(2, "sluice: " + config + ": dataset.labels: no such file or folder (tried " + dir.resolve("tran.txt")
                + ") (line " + line + ")", Cli.run("run", config.toString()));
    }

    @Test
    void aMissingConfigurationNamesThePathItTried() {
        Path missing = dir.resolve("nowhere.yaml");
        assertOneLine(2, "sluice: " + missing + ": no such file (tried " + missing.toAbsolutePath() + ")",
                Cli.run("bench", missing.toString()));
    }

    @Test
    void anUnknownDecoderIdGetsTheKnownOnesAndASuggestion() throws IOException {
        Path config = SampleCopy.edit(SampleCopy.into(dir), "backend: auto", "backend: imagio");
        int line = SampleCopy.lineOf(config, "imagio");
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        String error = result.errLines().get(0);
        assertTrue(error.startsWith("sluice: decoder 'imagio' (" + config + ":" + line + ") not found. Found: "
                + "imageio (priority 100), opencv (priority 200"), error);
        assertTrue(error.endsWith("Did you mean 'imageio'?"), error);
    }

    @Test
    void anUnknownTransformIdGetsASuggestion() throws IOException {
        Path config = SampleCopy.edit(SampleCopy.into(dir), "- to_tensor: {}", "- to_tensr: {}");
        int line = SampleCopy.lineOf(config, "to_tensr");
        Cli.Result result = Cli.run("inspect", config.toString(), "--out", dir.resolve("s.png").toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        String error = result.errLines().get(0);
        assertTrue(error.startsWith("sluice: " + config + ": transforms[1].to_tensr: no transform with this id; known: "),
                error);
        assertTrue(error.endsWith("Did you mean 'to_tensor'? (line " + line + ")"), error);
    }

    @Test
    void anUnknownCommandGetsTheCommandsAndASuggestion() {
        assertOneLine(2, "sluice: unknown command 'rn'; commands: demo, run, dump, decode, inspect, bench, soak, shard, "
                + "plugins, help, completion. "
                + "Did you mean 'run'?", Cli.run("rn", "x.yaml"));
    }

    @Test
    void noCommandPrintsTheUsageToStderrAndHelpPrintsItToStdout() {
        Cli.Result none = Cli.run();
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("Usage: sluice [-hvV] [--plugins=DIR] COMMAND"), none::toString);
        Cli.Result help = Cli.run("--help");
        assertEquals(0, help.status());
        assertEquals(none.err(), help.out());
        Cli.Result commandHelp = Cli.run("dump", "--help");
        assertEquals(0, commandHelp.status());
        assertTrue(commandHelp.out().startsWith("Usage: sluice dump [-hv] [--batches=N] [--epoch=E] -o=DIR "),
                commandHelp::toString);
        assertEquals(Cli.run("help", "dump").out(), commandHelp.out());
    }

    @Test
    void aSampleThatFailsToDecodeStopsTheRunWithStatusOneAndNamesIt() throws IOException {
        Path config = SampleCopy.into(dir);
        Path broken = Files.writeString(dir.resolve("images/storm.jpg"), "not a JPEG any more");
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(1, result.status(), result::toString);
        List<String> errors = result.errLines().stream().filter(l -> l.startsWith("sluice: ")).toList();
        assertEquals(1, errors.size(), result::toString);
        assertTrue(errors.get(0).startsWith("sluice: sample 8 (" + broken + ", "), errors.get(0));
        assertFalse(result.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void underSkipTheSampleIsCountedAndNamed() throws IOException {
        Path config = SampleCopy.edit(SampleCopy.into(dir), "on_error: raise", "on_error: skip");
        Path broken = Files.writeString(dir.resolve("images/storm.jpg"), "not a JPEG any more");
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().startsWith("epoch 0: 2 batches, 9 samples, 1 skipped, "), result::toString);
        assertTrue(result.err().contains("skipped sample 8 (" + broken + ", "), result::toString);
    }

    @Test
    void verbosePrintsTheStackTraceWithItsCauses() throws IOException {
        Path config = SampleCopy.into(dir);
        Files.writeString(dir.resolve("images/storm.jpg"), "not a JPEG any more");
        Cli.Result result = Cli.run("run", config.toString(), "--verbose");
        assertEquals(1, result.status(), result::toString);
        assertTrue(result.err().contains("\tat "), result::toString);
        assertTrue(result.err().contains("Caused by: dev.sluice.api.DecodeException: "), result::toString);
    }
}
