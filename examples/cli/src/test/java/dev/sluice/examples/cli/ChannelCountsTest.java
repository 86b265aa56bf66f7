package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 17: a pipeline whose channel counts do not fit ({@code normalize} with 2 means after
 * an RGB decoder) is refused when the loader is built, at the option's key path and line; where the
 * decoder's mode leaves the count open, the first sample fails naming itself and the option, and is
 * never reported as a collate failure.
 */
class ChannelCountsTest {
    private static final String MEANS = "normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}";

    @TempDir
    Path dir;

    private Path sampleWith(String normalize, String mode) throws IOException {
        Path config = SampleCopy.edit(SampleCopy.into(dir), MEANS, normalize);
        return SampleCopy.edit(config, "mode: rgb", "mode: " + mode);
    }

    @Test
    void twoMeansOnRgbAreRefusedAtTheirKeyBeforeLoading() throws IOException {
        Path config = sampleWith("normalize: {mean: [0.5, 0.5], std: [0.25]}", "rgb");
        int line = SampleCopy.lineOf(config, "mean: [0.5, 0.5]");
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: " + config + ": transforms[2].normalize.mean: has 2 values, but the tensor it "
                + "normalizes has 3 channels; give 3 values, or 1 for every channel (line " + line + ")"),
                result.errLines(), result::toString);
        assertEquals("", result.out(), result::toString);
    }

    @Test
    void threeStdsOnGreyAreRefusedAtTheirKey() throws IOException {
        Path config = sampleWith("normalize: {mean: [0.5], std: [0.2, 0.2, 0.2]}", "gray");
        int line = SampleCopy.lineOf(config, "std: [0.2, 0.2, 0.2]");
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: " + config + ": transforms[2].normalize.std: has 3 values, but the tensor it "
                + "normalizes has 1 channel; give 1 value (line " + line + ")"), result.errLines(), result::toString);
    }

    @Test
    void oneMeanServesEveryChannelAsTorchvisionBroadcastsIt() throws IOException {
        Path config = sampleWith("normalize: {mean: [0.5], std: [0.25]}", "rgb");
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().startsWith("epoch 0: 2 batches, 10 samples"), result::toString);
    }

    @Test
    void whereTheModeLeavesTheCountOpenTheFirstSampleNamesItselfAndTheOption() throws IOException {
        Path config = sampleWith("normalize: {mean: [0.5, 0.5], std: [0.25]}", "unchanged");
        Cli.Result result = Cli.run("run", config.toString());
        assertEquals(1, result.status(), result::toString);
        List<String> errors = result.errLines().stream().filter(l -> l.startsWith("sluice: ")).toList();
        assertEquals(1, errors.size(), result::toString);
        String error = errors.get(0);
        assertTrue(error.startsWith("sluice: sample 0 (" + dir.resolve("images/aqua.jpg") + ", "), error);
        assertTrue(error.contains("train.txt:3"), error);
        assertTrue(error.contains("transforms[2].normalize.mean: has 2 values, but the tensor it normalizes has 3 "
                + "channels"), error);
        assertFalse(error.contains("collate"), error);
    }
}
