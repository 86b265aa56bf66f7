package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.loader.LoaderState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saving side of {@code --resume}: what the file holds after batches, and when the JVM stops mid-batch. */
class CheckpointsTest {
    @TempDir
    Path dir;

    private static LoaderState delivered(long batches) {
        return new LoaderState(0, 0, batches, new long[0], 100);
    }

    private String saved() throws IOException {
        return Files.readString(dir.resolve("state.txt"), StandardCharsets.UTF_8).trim();
    }

    @Test
    void theStateIsSavedEveryNFinishedBatchesAndOnClose() throws IOException {
        StateFile file = new StateFile(dir.resolve("state.txt"));
        try (Checkpoints checkpoints = new Checkpoints(file, 2, delivered(0), System.err)) {
            for (int batch = 1; batch <= 3; batch++) {
                assertTrue(checkpoints.startBatch());
                checkpoints.finishBatch(delivered(batch));
                if (batch == 2) {
                    assertEquals(delivered(2).encode().trim(), saved());
                }
            }
            assertEquals(delivered(2).encode().trim(), saved(), "batch 3 alone is not yet N=2 batches");
        }
        assertEquals(delivered(3).encode().trim(), saved());
    }

    @Test
    void stoppingDuringABatchWaitsForItThenSavesItAndRefusesTheNext() throws Exception {
        StateFile file = new StateFile(dir.resolve("state.txt"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Checkpoints checkpoints = new Checkpoints(file, 100, delivered(0), new PrintStream(err, true,
                StandardCharsets.UTF_8))) {
            assertTrue(checkpoints.startBatch());
            Thread hook = new Thread(checkpoints::saveOnShutdown);
            hook.start();
            // The hook cannot save while the batch is in hand; it would save delivered=0 if it did not wait.
            while (hook.isAlive() && hook.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertFalse(Files.exists(dir.resolve("state.txt")));
            checkpoints.finishBatch(delivered(1));
            hook.join();
            assertEquals(delivered(1).encode().trim(), saved());
            assertFalse(checkpoints.startBatch(), "no batch may be worked on after the state was saved");
            assertTrue(checkpoints.stopping());
        }
        assertEquals(delivered(1).encode().trim(), saved(), "close after stopping keeps the hook's state");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("stopped; saved sluice-loader-state seed=0 epoch=0 "
                + "delivered=1"), err::toString);
    }
}
