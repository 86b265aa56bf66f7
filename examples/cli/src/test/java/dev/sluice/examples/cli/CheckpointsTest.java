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
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saving side of {@code --resume}: what the file holds after batches, and when the JVM stops mid-batch. */
class CheckpointsTest {
    @TempDir
    Path dir;

    private static final LoaderState.Plan PLAN = new LoaderState.Plan(0, false, "SequentialSampler", false, 100, "",
            100, 1, 0);

    private static LoaderState delivered(long batches) {
        return new LoaderState(0, batches, new long[0], batches, PLAN);
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
                StandardCharsets.UTF_8), Duration.ZERO)) {
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
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("stopped; saved epoch 0, 1 samples (1 batches) "
                + "delivered to " + file.path()), err::toString);
    }

    /**
     * After SIGTERM the JVM stops when the shutdown hook returns: the hook waits for the run to close,
     * so that the epoch's summary the run prints after its last batch is not cut off (issue 15, item 16).
     */
    @Test
    void theHookWaitsForTheRunToCloseBeforeTheJvmMayStop() throws Exception {
        StateFile file = new StateFile(dir.resolve("state.txt"));
        Checkpoints checkpoints = new Checkpoints(file, 100, delivered(0), System.err, Duration.ofMinutes(5));
        Thread hook = new Thread(checkpoints::saveOnShutdown);
        hook.start();
        while (!Files.exists(dir.resolve("state.txt")) || hook.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        assertTrue(hook.isAlive(), "the hook returned, and the JVM with it, before the run printed its summary");
        checkpoints.close();
        hook.join();
    }
}
