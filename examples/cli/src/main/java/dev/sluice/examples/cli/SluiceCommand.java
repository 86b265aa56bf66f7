package dev.sluice.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top of the command line: the sub-commands, the options every one of them takes
 * ({@code --plugins}, {@code --verbose}, accepted before or after the sub-command's name), and
 * where output goes. Without a sub-command it prints its usage to stderr, a usage error.
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = MavenVersion.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Runs, dumps, benchmarks and inspects the loaders that YAML files describe, decodes images "
                + "with any backend, and lists the plugins it finds.",
        subcommands = {DemoCommand.class, RunCommand.class, DumpCommand.class, DecodeCommand.class,
            InspectCommand.class, BenchCommand.class, SoakCommand.class, ShardCommand.class, PluginsCommand.class,
            HelpCommand.class, CompletionCommand.class},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"The commands that read a configuration take --set KEY=VALUE (repeatable), e.g. --set "
                + "loader.num_workers=4. 'sluice help COMMAND' describes a command and its options."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:all went well", "1:a failure while working (such as an image that does not decode)",
            "2:a usage or configuration error"})
final class SluiceCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private Invocation invocation;

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load the plugin jars in DIR (default: the class path only).")
    private Path pluginsFolder;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces with errors (default: ${DEFAULT-VALUE}).")
    private boolean verbose;

    /**
     * @param out where results go
     * @param err where progress, warnings, errors and the usage without a command go
     * @param interactive whether {@code err} is a terminal, where a progress bar redraws its line
     */
    SluiceCommand(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** Whether {@code --verbose} was given, before or after the sub-command. */
    boolean verbose() {
        return verbose;
    }

    /** The run's outputs and plugins, made on first use, so that the plugins are discovered once. */
    Invocation invocation() {
        if (invocation == null) {
            invocation = new Invocation(out, err, interactive, pluginsFolder);
        }
        return invocation;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return Main.USAGE;
    }
}
