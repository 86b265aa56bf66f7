package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sluice soak}: one line of heap, resident memory and threads per epoch, then the change after warm-up. */
class SoakCommandTest {

    @Test
    void eachEpochGetsItsMemoryAndThreadsAndTheEndTheTrend() {
        Cli.Result result = Cli.run("soak", Cli.sampleConfig(), "--epochs", "3", "--warmup", "1");
        assertEquals(0, result.status(), result::toString);
        List<String> lines = result.outLines();
        assertEquals(5, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("soak " + Cli.sampleConfig() + ": 3 epochs of 2 batches, "), lines.get(0));
        for (int epoch = 0; epoch < 3; epoch++) {
            String line = lines.get(epoch + 1);
            assertTrue(line.matches("epoch " + epoch + ": 10 images, \\d+ images/s, heap \\d+\\.\\d MiB, "
                    + "RSS \\d+\\.\\d MiB, \\d+ threads"), line);
        }
        assertTrue(lines.get(4).matches("after warm-up \\(epoch 1 to 2\\): heap [-+]\\d+\\.\\d MiB, "
                + "RSS [-+]\\d+\\.\\d MiB, threads [-+]\\d+"), lines.get(4));
    }

    @Test
    void aWarmupAsLongAsTheRunIsAUsageError() {
        Cli.Result result = Cli.run("soak", Cli.sampleConfig(), "--epochs", "2", "--warmup", "2");
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: --warmup must be from 0 to 1, was 2"), result.errLines());
    }
}
