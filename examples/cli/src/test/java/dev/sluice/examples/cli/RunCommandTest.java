package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sluice run}: a summary line per epoch on stdout, progress on stderr. */
class RunCommandTest {
    private static final String RATE = "\\d+\\.\\d images/s";

    private static void assertLines(List<String> patterns, List<String> lines) {
        assertEquals(patterns.size(), lines.size(), () -> "lines: " + lines);
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).matches(patterns.get(i)), "line " + i + ": '" + lines.get(i) + "' does not match '"
                    + patterns.get(i) + "'");
        }
    }

    @Test
    void eachEpochGetsASummaryLine() {
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--epochs", "2");
        assertEquals(0, result.status(), result::toString);
        assertLines(List.of("epoch 0: 2 batches, 10 samples, 0 skipped, " + RATE,
                "epoch 1: 2 batches, 10 samples, 0 skipped, " + RATE), result.outLines());
    }

    @Test
    void progressGoesToStderrAsPlainLinesWhenItIsNoTerminal() {
        Cli.Result result = Cli.run("run", Cli.sampleConfig());
        assertEquals(0, result.status(), result::toString);
        assertLines(List.of("epoch 0 1/2 batches, " + RATE + ", ETA \\d+:\\d\\d", "epoch 0 2/2 batches, " + RATE),
                result.errLines());
    }

    @Test
    void stepsStopTheRunAcrossEpochs() {
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--epochs", "3", "--steps", "3");
        assertEquals(0, result.status(), result::toString);
        assertLines(List.of("epoch 0: 2 batches, 10 samples, 0 skipped, " + RATE,
                "epoch 1: 1 batches, 7 samples, 0 skipped, " + RATE), result.outLines());
    }

    @Test
    void setOverridesTheConfiguration() {
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--set", "loader.batch_size=4", "--set",
                "loader.drop_last=true");
        assertEquals(0, result.status(), result::toString);
        assertLines(List.of("epoch 0: 2 batches, 8 samples, 0 skipped, " + RATE), result.outLines());
    }

    @Test
    void anEndlessDatasetRunsTheStepsItIsGiven() {
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--set", "dataset.repeat=forever", "--steps", "5");
        assertEquals(0, result.status(), result::toString);
        assertLines(List.of("steps: 5 batches, 35 samples, 0 skipped, " + RATE), result.outLines());
    }

    @Test
    void anEndlessDatasetWithoutStepsIsAUsageError() {
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--set", "dataset.repeat=forever");
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: sluice run: " + Cli.sampleConfig() + " describes an endless dataset "
                + "(dataset.repeat: forever); give --steps N"), result.errLines());
    }
}
