package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line as picocli parses it: where options may stand, short options, one error for an
 * unknown option (that command's options only, with a suggestion), --version, help and completion.
 */
class CommandLineTest {
    private static final String EPOCH_LINE = "epoch \\d: 2 batches, 10 samples, 0 skipped, [0-9.]+ images/s";

    @TempDir
    Path dir;

    @Test
    void optionsMayComeBeforeAndAfterTheCommandInEitherSpelling() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Cli.Result result = Cli.run("--plugins", plugins.toString(), "run", Cli.sampleConfig(), "--epochs=2",
                "--set=loader.batch_size=5", "--verbose", "--set", "loader.drop_last=true");
        assertEquals(0, result.status(), result::toString);
        assertEquals(2, result.outLines().size(), result::toString);
        assertTrue(result.outLines().stream().allMatch(l -> l.matches(EPOCH_LINE)), result::toString);
        Cli.Result after = Cli.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, after.status(), after::toString);
    }

    @Test
    void shortOptionsAreTheLongOnes() {
        Cli.Result run = Cli.run("run", Cli.sampleConfig(), "-e", "2");
        assertEquals(0, run.status(), run::toString);
        assertEquals(2, run.outLines().size(), run::toString);
        Cli.Result glued = Cli.run("run", Cli.sampleConfig(), "-e2");
        assertEquals(run.outLines().size(), glued.outLines().size(), glued::toString);
        Path sheet = dir.resolve("sheet.png");
        Cli.Result inspect = Cli.run("inspect", Cli.sampleConfig(), "-o", sheet.toString(), "-b", "1");
        assertEquals(0, inspect.status(), inspect::toString);
        assertTrue(inspect.out().startsWith("batch 1 (3 samples, "), inspect::toString);
        assertTrue(Files.isRegularFile(sheet));
        assertEquals(Cli.run("run", "--help").out(), Cli.run("run", "-h").out());
    }

    @Test
    void aDoubleDashEndsTheOptions() {
        Cli.Result result = Cli.run("decode", "--", "--no-such-file.png");
        assertEquals(1, result.status(), result::toString);
        assertEquals(1, result.outLines().size(), result::toString);
        assertTrue(result.outLines().get(0).startsWith("error --no-such-file.png: "), result::toString);
    }

    @Test
    void anUnknownOptionListsThatCommandsOptionsOnlyWithASuggestion() {
        Cli.Result result = Cli.run("run", Cli.sampleConfig(), "--epoch", "2");
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: sluice run: unknown option --epoch; known: --epochs, --help, --indices, --plugins, "
                + "--resume, --save-every, --set, --steps, --verbose. Did you mean --epochs?"), result.errLines());
        assertEquals("", result.out());
    }

    @Test
    void anOptionOfAnotherCommandIsRefusedByThisOne() {
        Cli.Result result = Cli.run("plugins", "--json");
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: sluice plugins: unknown option --json; known: --help, --plugins, --verbose."),
                result.errLines());
        Cli.Result beforeTheCommand = Cli.run("--epochs", "2", "run", Cli.sampleConfig());
        assertEquals(2, beforeTheCommand.status(), beforeTheCommand::toString);
        assertEquals(List.of("sluice: --epochs belongs after the command that takes it (run, bench, soak): sluice run ... "
                + "--epochs"), beforeTheCommand.errLines());
        assertEquals(List.of("sluice: unknown option --fast; known: --help, --plugins, --verbose, --version."),
                Cli.run("--fast", "run", Cli.sampleConfig()).errLines());
    }

    @Test
    void setIsRefusedByCommandsWithoutAConfiguration() {
        Cli.Result result = Cli.run("decode", "a.jpg", "--set", "x=1");
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: sluice decode reads no configuration, so --set has nothing to set"),
                result.errLines());
    }

    @Test
    void valuesAreCheckedWithTheOptionsName() {
        assertEquals(List.of("sluice: sluice dump: --out needs a value (DIR)"),
                Cli.run("dump", Cli.sampleConfig(), "--out").errLines());
        assertEquals(List.of("sluice: sluice run: invalid value for option '--epochs': 'two' is not a whole number"),
                Cli.run("run", Cli.sampleConfig(), "--epochs", "two").errLines());
        assertEquals(List.of("sluice: sluice decode: invalid value for option '--reduce': '4294967298' is out of range"),
                Cli.run("decode", "a.jpg", "--reduce", "4294967298").errLines());
        assertEquals(List.of("sluice: sluice run: option '--epochs' (N) should be specified only once"),
                Cli.run("run", Cli.sampleConfig(), "-e", "1", "--epochs", "2").errLines());
        assertEquals(List.of("sluice: --steps must be >= 1, was 0"),
                Cli.run("run", Cli.sampleConfig(), "--steps", "0").errLines());
        assertEquals(List.of("sluice: sluice run: unexpected argument 'b.yaml'; it takes CONFIG"),
                Cli.run("run", Cli.sampleConfig(), "b.yaml").errLines());
        assertEquals(List.of("sluice: sluice run needs CONFIG: the YAML file that describes the loader"),
                Cli.run("run").errLines());
        Cli.Result status = Cli.run("bench", Cli.sampleConfig(), "--json=yes");
        assertEquals(2, status.status(), status::toString);
    }

    @Test
    void versionIsTheMavenProjects() {
        String version = System.getProperty("sluice.version");
        assertNotNull(version, "the build passes the project's version as sluice.version");
        Cli.Result result = Cli.run("--version");
        assertEquals(0, result.status(), result::toString);
        assertEquals("sluice " + version, result.outLines().get(0));
        assertTrue(result.outLines().get(1).startsWith("Java " + Runtime.version()), result::toString);
        assertEquals(result.out(), Cli.run("-V").out());
    }

    @Test
    void helpRunShowsEveryOptionWithItsDescriptionAndDefault() {
        Cli.Result result = Cli.run("help", "run");
        assertEquals(0, result.status(), result::toString);
        assertEquals("", result.err());
        assertTrue(result.out().startsWith("Usage: sluice run [-hv] [--indices] [-e=N] "), result::toString);
        for (String line : List.of("  -e, --epochs=N            Epochs to run (default: 1); not for an endless",
                "      --save-every=N        With --resume, save every N batches (default: 100).",
                "      --steps=N             Stop after N batches in all (default: no limit);")) {
            assertTrue(result.outLines().contains(line), line + "\nin\n" + result);
        }
        assertEquals(result.out(), Cli.run("run", "--help").out());
        Cli.Result unknown = Cli.run("help", "rnu");
        assertEquals(2, unknown.status(), unknown::toString);
        assertTrue(unknown.err().startsWith("sluice: unknown command 'rnu'; commands: demo, run, "), unknown::toString);
    }

    /** Every option of every command says what it does and its default, or that it is required. */
    @Test
    void everyOptionIsDescribedWithItsDefault() {
        CommandLine top = Main.commandLine(new SluiceCommand(System.out, System.err, false), System.out, System.err);
        List<CommandLine> commands = new ArrayList<>(top.getSubcommands().values());
        commands.add(top);
        int checked = 0;
        for (CommandLine command : commands) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                String name = command.getCommandName() + " " + option.longestName();
                String description = String.join(" ", option.description());
                assertFalse(description.isBlank(), name + " has no description");
                if (!option.usageHelp() && !option.versionHelp() && !option.required()) {
                    assertTrue(description.contains("(default: "), name + ": " + description);
                    assertFalse(description.contains("${"), name + ": " + description);
                }
                checked++;
            }
        }
        assertTrue(checked > 40, "options checked: " + checked);
    }

    @Test
    void completionPrintsABashScriptThatCompletesCommandsAndOptions() throws Exception {
        Cli.Result result = Cli.run("completion");
        assertEquals(0, result.status(), result::toString);
        for (String command : List.of("demo", "run", "dump", "decode", "inspect", "bench", "soak", "shard", "plugins",
                "help", "completion")) {
            assertTrue(result.out().contains(command), command);
        }
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is needed to run the completion script");
        Path script = Files.writeString(dir.resolve("sluice.bash"), result.out());
        assertEquals(List.of("run"), complete(bash, script, "sluice", "ru"));
        assertEquals(List.of("--epochs"), complete(bash, script, "sluice", "run", "--ep"));
        assertTrue(complete(bash, script, "sluice", "dump", "-").containsAll(List.of("--out", "--batches", "--epoch",
                "--set")), "dump's options");
    }

    /** What bash offers for the last of {@code words}, running the completion function as the shell would. */
    private List<String> complete(Path bash, Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source '" + script + "'; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_sluice 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process process = new ProcessBuilder(bash.toString(), "--noprofile", "--norc", "-c", program)
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        // A guard against a hung shell, not a timing assertion.
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "bash did not finish");
        String text = out.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
