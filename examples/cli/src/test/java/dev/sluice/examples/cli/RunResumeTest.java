package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice run --resume STATE_FILE}: a run stopped anywhere continues with exactly the batches it had not done. */
class RunResumeTest {
    /** One sample per batch, shuffled, two workers: ten batches an epoch in an order only the seed decides. */
    private static final String[] SHUFFLED = {"--set", "loader.batch_size=1", "--set", "loader.shuffle=true", "--set",
        "loader.seed=5"};

    @TempDir
    Path dir;

    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", Cli.sampleConfig(), "--indices"));
        all.addAll(List.of(SHUFFLED));
        all.addAll(List.of(args));
        Cli.Result result = Cli.run(all.toArray(String[]::new));
        assertEquals(0, result.status(), result::toString);
        return result;
    }

    /** The index lines the run printed, one per batch, in order. */
    static List<String> indices(Cli.Result result) {
        return result.outLines().stream().filter(line -> line.startsWith("indices ")).toList();
    }

    @Test
    void aRunStoppedByStepsContinuesWithTheBatchesItHadNotDone() throws IOException {
        Path state = dir.resolve("state.txt");
        List<String> whole = indices(run("--epochs", "2"));
        assertEquals(20, whole.size());

        List<String> first = indices(run("--epochs", "2", "--steps", "13", "--resume", state.toString()));
        assertEquals("sluice-loader-state seed=5 epoch=1 delivered=3 also= dataset_size=10",
                Files.readString(state, StandardCharsets.UTF_8).trim());
        Cli.Result second = run("--epochs", "2", "--resume", state.toString());

        assertEquals(whole, Stream.concat(first.stream(), indices(second).stream()).toList());
        assertTrue(second.outLines().stream().anyMatch(line -> line.startsWith("epoch 1: 7 batches, 7 samples, ")),
                second::toString);
        assertTrue(second.err().contains("resuming from sluice-loader-state seed=5 epoch=1 delivered=3"),
                second::toString);
        assertEquals("sluice-loader-state seed=5 epoch=2 delivered=0 also= dataset_size=10",
                Files.readString(state, StandardCharsets.UTF_8).trim());
    }

    @Test
    void anEndlessRunContinuesItsStepsWhereItStopped() {
        Path state = dir.resolve("state.txt");
        String[] endless = {"--set", "dataset.repeat=forever", "--set", "loader.batch_size=3"};
        List<String> whole = indices(run(concat(endless, "--steps", "8")));
        List<String> first = indices(run(concat(endless, "--steps", "5", "--resume", state.toString())));
        List<String> second = indices(run(concat(endless, "--steps", "3", "--resume", state.toString())));
        assertEquals(whole, Stream.concat(first.stream(), second.stream()).toList());
    }

    private static String[] concat(String[] first, String... second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }

    @Test
    void aFinishedRunHasNothingLeftToDo() {
        Path state = dir.resolve("state.txt");
        run("--resume", state.toString());
        Cli.Result again = run("--resume", state.toString());
        assertEquals(List.of(), indices(again));
        assertTrue(again.err().contains("nothing left to do: the run is at epoch 1 and --epochs is 1"), again::toString);
    }

    @Test
    void theStateIsWrittenAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path state = dir.resolve("state.txt");
        run("--steps", "4", "--save-every", "1", "--resume", state.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(state), files.toList());
        }
    }

    @Test
    void aStateFromAnotherSeedIsAUsageErrorNamingTheFile() throws IOException {
        Path state = Files.writeString(dir.resolve("state.txt"),
                "sluice-loader-state seed=9 epoch=0 delivered=2 also= dataset_size=10\n");
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--resume", state.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: --resume " + state + " does not fit this configuration: the state was saved by "
                + "a loader with seed 9, this one has seed 0"), result.errLines());
    }

    @Test
    void aFileThatIsNoStateIsAUsageErrorNamingTheFile() throws IOException {
        Path state = Files.writeString(dir.resolve("state.txt"), "epoch 3\n");
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--resume", state.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: --resume " + state + ": not a Sluice loader state: it must start with "
                + "'sluice-loader-state'"), result.errLines());
    }

    @Test
    void saveEveryWithoutResumeIsAUsageError() {
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--save-every", "5");
        assertEquals(2, result.status(), result::toString);
        assertFalse(result.err().isEmpty());
        assertEquals(List.of("sluice: sluice run: --save-every needs --resume STATE_FILE, the file to save to"),
                result.errLines());
    }
}
