package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.loader.LoaderState;
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
        LoaderState saved = LoaderState.decode(Files.readString(state, StandardCharsets.UTF_8));
        assertEquals(1, saved.epoch());
        assertEquals(3, saved.samplesDelivered());
        Cli.Result second = run("--epochs", "2", "--resume", state.toString());

        assertEquals(whole, Stream.concat(first.stream(), indices(second).stream()).toList());
        assertTrue(second.outLines().stream().anyMatch(line -> line.startsWith("epoch 1: 7 batches, 7 samples, ")),
                second::toString);
        assertTrue(second.err().contains("resuming from epoch 1, 3 samples (3 batches) delivered"), second::toString);
        LoaderState end = LoaderState.decode(Files.readString(state, StandardCharsets.UTF_8));
        assertEquals(2, end.epoch());
        assertEquals(0, end.samplesDelivered());
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

    /** Issue 15, item 4: resumed with another batch size after batch 7, every remaining sample comes once. */
    @Test
    void aRunResumedWithAnotherBatchSizeDeliversEachRemainingSampleOnce() {
        Path state = dir.resolve("state.txt");
        List<Long> whole = samples(indices(run("--epochs", "1")));
        List<Long> first = samples(indices(run("--steps", "7", "--resume", state.toString())));
        List<Long> rest = samples(indices(run("--resume", state.toString(), "--set", "loader.batch_size=2",
                "--set", "loader.num_workers=0")));
        assertEquals(7, first.size());
        assertEquals(whole, Stream.concat(first.stream(), rest.stream()).toList());
    }

    private static List<Long> samples(List<String> indexLines) {
        List<Long> samples = new ArrayList<>();
        for (String line : indexLines) {
            for (String number : line.replaceAll("[^0-9]+", " ").trim().split(" ")) {
                samples.add(Long.parseLong(number));
            }
        }
        return samples;
    }

    @Test
    void aStateFromAnotherOrderIsAUsageErrorNamingTheFileTheSettingAndBothValues() {
        Path state = dir.resolve("state.txt");
        run("--steps", "3", "--resume", state.toString());
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--resume", state.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: --resume " + state + " does not fit this configuration: cannot continue from "
                + "the state: it was saved with seed=5, this loader has seed=0; the samples would come in another "
                + "order, some delivered twice and others never. Resume with seed=5, or start the epoch afresh"),
                result.errLines());
        Cli.Result unshuffled = Cli.run("run", Cli.sampleConfig(), "--set", "loader.seed=5", "--resume",
                state.toString());
        assertEquals(2, unshuffled.status(), unshuffled::toString);
        assertTrue(unshuffled.err().contains("it was saved with shuffle=true, this loader has shuffle=false;"),
                unshuffled::toString);
    }

    @Test
    void aFileThatIsNoStateIsAUsageErrorNamingTheFile() throws IOException {
        Path state = Files.writeString(dir.resolve("state.txt"), "epoch 3\n");
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--resume", state.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: --resume " + state + ": loader state: not a Sluice loader state: it must be "
                + "YAML starting with 'format: sluice-loader-state'"), result.errLines());
    }

    /** Issue 15, item 5: a damaged state is an error naming the file and the field, never a silent skip. */
    @Test
    void aDamagedStateIsAUsageErrorNamingTheFileAndTheField() throws IOException {
        Path state = dir.resolve("state.txt");
        run("--steps", "3", "--resume", state.toString());
        String text = Files.readString(state, StandardCharsets.UTF_8);
        Files.writeString(state, text.replace("samples_delivered: 3", "samples_delivered: 99999999"));
        assertEquals(List.of("sluice: --resume " + state + ": loader state: samples_delivered: 99999999 is beyond "
                + "the epoch's 10 samples (plan.epoch_samples)"), Cli.run("run", Cli.sampleConfig(), "--resume",
                state.toString()).errLines());
        Files.writeString(state, text.substring(0, text.length() * 3 / 4));
        Cli.Result cut = Cli.run("run", Cli.sampleConfig(), "--resume", state.toString());
        assertEquals(2, cut.status(), cut::toString);
        assertTrue(cut.err().startsWith("sluice: --resume " + state + ": loader state: "), cut::toString);
        byte[] garbage = new byte[64];
        new java.util.Random(3).nextBytes(garbage);
        garbage[0] = (byte) 0xC3;
        garbage[1] = (byte) 0x28;
        Files.write(state, garbage);
        assertEquals(List.of("sluice: --resume " + state + ": not a loader state: not UTF-8 text (binary data?)"),
                Cli.run("run", Cli.sampleConfig(), "--resume", state.toString()).errLines());
    }

    @Test
    void aStateThatIsAFolderOrInAMissingFolderIsRefusedBeforeAnyBatch() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("state"));
        Cli.Result directory = Cli.run("run", Cli.sampleConfig(), "--indices", "--resume", folder.toString());
        assertEquals(2, directory.status(), directory::toString);
        assertEquals("", directory.out(), "no batch before the refusal");
        assertTrue(directory.err().startsWith("sluice: --resume " + folder + ": "), directory::toString);
        Path missing = dir.resolve("no/such/folder/state.txt");
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--indices", "--resume", missing.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals("", result.out(), "no batch before the refusal");
        assertTrue(result.err().contains("does not exist; create it first"), result::toString);
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
