package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar the build makes ({@code target/sluice.jar}), run as a real process the way a
 * user runs it: it starts, finds every plugin through its merged service files, reads the sample
 * dataset it carries, takes a third-party plugin from the class path or a folder, and reports
 * errors as one line with exit status 2.
 */
class SluiceJarIT {
    private static final Path JAR = Path.of(System.getProperty("sluice.jar", "target/sluice.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private Cli.Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        // A guard against a hung process, not a timing assertion: the slowest run here takes seconds.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java " + String.join(" ", args) + " did not finish");
        }
        return new Cli.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theDemoRunsFromTheJarAlone() throws Exception {
        Path sheet = dir.resolve("first-batch.png");
        Cli.Result result = java("-jar", JAR.toString(), "demo", "--out", sheet.toString());
        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().contains("epoch 1 batch 1: images float32 [3, 3, 96, 96], labels "
                + DemoCommandTest.SECOND_BATCH), result::toString);
        assertTrue(result.out().contains("step 3: images float32 [7, 3, 96, 96]"), result::toString);
        assertTrue(Files.size(sheet) > 1000, "the contact sheet");
    }

    @Test
    void theServiceFilesOfEveryPluginJarWereMerged() throws Exception {
        Cli.Result result = java("-jar", JAR.toString(), "plugins");
        assertEquals(0, result.status(), result::toString);
        for (String row : List.of("decoder +imageio ", "decoder +opencv ", "encoder +imageio ", "encoder +opencv ",
                "transform +resize ", "transform +normalize ", "transform +contact_sheet ", "label format +txt ",
                "label format +csv ", "label format +folder ")) {
            assertTrue(result.outLines().stream().anyMatch(l -> l.matches(row + ".*")), row + " in\n" + result);
        }
    }

    @Test
    void aThirdPartyJarOnTheClassPathIsUsed() throws Exception {
        Path image = Files.writeString(dir.resolve("two.pgm"), "P2 2 1 255\n0 255\n");
        String classPath = JAR + File.pathSeparator + ExamplePlugin.jar(dir);
        Cli.Result result = java("-cp", classPath, "dev.sluice.examples.cli.Main", "decode", image.toString(),
                "--backend", "acme-pnm");
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("ok " + image + " 2x1x3"), result.outLines());
    }

    @Test
    void aThirdPartyJarInAPluginsFolderIsUsed() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(ExamplePlugin.jar(dir), plugins.resolve("acme.jar"));
        Path image = Files.writeString(dir.resolve("two.pgm"), "P2 2 1 255\n0 255\n");
        Cli.Result result = java("-jar", JAR.toString(), "--plugins", plugins.toString(), "decode", image.toString(),
                "--backend", "acme-pnm", "--mode", "gray");
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("ok " + image + " 2x1x1"), result.outLines());
    }

    @Test
    void aRunStoppedBySigtermResumesWithoutRepeatingOrLosingASample() throws Exception {
        Path config = SampleCopy.edit(SampleCopy.into(dir.resolve("data")), "repeat: 1", "repeat: 300");
        Path state = dir.resolve("state.txt");
        List<String> run = List.of(JAVA.toString(), "-jar", JAR.toString(), "run", config.toString(), "--indices",
                "--resume", state.toString(), "--save-every", "1", "--set", "loader.batch_size=1", "--set",
                "loader.shuffle=true");
        Path firstOut = dir.resolve("first-out.txt");
        Path firstErr = dir.resolve("first-err.txt");
        Process first = new ProcessBuilder(run).directory(dir.toFile()).redirectOutput(firstOut.toFile())
                .redirectError(firstErr.toFile()).start();
        // Wait until it has saved a state part of the way in; then stop it as Ctrl-C or kill would.
        long guard = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (first.isAlive() && (!Files.exists(state)
                || Files.readString(state).contains("\nsamples_delivered: 0\n"))) {
            if (System.nanoTime() > guard) {
                first.destroyForcibly();
                throw new AssertionError("the first run saved no state");
            }
            Thread.sleep(20);
        }
        first.destroy();
        assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the first run did not stop on SIGTERM");
        String saved = Files.readString(state);
        assertTrue(saved.startsWith("format: sluice-loader-state\nversion: 3\nepoch: 0\n"),
                saved + Files.readString(firstErr));
        assertTrue(Files.readString(firstErr).contains("stopped; saved epoch 0, "), Files.readString(firstErr));
        // The shutdown hook waits for the run to close, so the epoch's summary is printed whole.
        assertTrue(Files.readAllLines(firstOut).stream().anyMatch(line -> line.matches("epoch 0: \\d+ batches, \\d+ "
                + "samples, 0 skipped, [0-9.]+ images/s")), Files.readString(firstOut));

        Cli.Result second = java(run.subList(1, run.size()).toArray(String[]::new));
        assertEquals(0, second.status(), second::toString);

        List<Long> delivered = new ArrayList<>();
        for (String line : Files.readAllLines(firstOut)) {
            delivered.addAll(indices(line));
        }
        int firstCount = delivered.size();
        for (String line : second.outLines()) {
            delivered.addAll(indices(line));
        }
        assertTrue(firstCount > 0 && firstCount < 3000, "the first run delivered " + firstCount);
        List<Long> sorted = new ArrayList<>(delivered);
        sorted.sort(null);
        for (int i = 0; i < 3000; i++) {
            assertEquals(i, sorted.get(i), "index " + i + " after " + firstCount + " from the first run");
        }
        assertEquals(3000, sorted.size());
    }

    /** The indices of a line {@code indices [4, 1]}; none for any other line. */
    private static List<Long> indices(String line) {
        if (!line.startsWith("indices [")) {
            return List.of();
        }
        List<Long> values = new ArrayList<>();
        for (String value : line.substring("indices [".length(), line.length() - 1).split(", ")) {
            values.add(Long.parseLong(value));
        }
        return values;
    }

    @Test
    void aConfigurationErrorIsOneLineAndStatusTwo() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "loader:\n  batch_size: seven\n");
        Cli.Result result = java("-jar", JAR.toString(), "run", config.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(result.err().startsWith("sluice: "), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
    }
}
