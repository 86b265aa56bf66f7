package dev.sluice.examples.cli;

import dev.sluice.api.OptionsException;
import dev.sluice.api.Suggestions;
import dev.sluice.api.spi.MessageValues;
import dev.sluice.core.plugin.PluginException;
import dev.sluice.core.wiring.ConfigException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sluice} command: runs, dumps, benchmarks and inspects the loaders that YAML files
 * describe, decodes images with any backend, and lists the plugins it finds.
 *
 * <pre>{@code
 * java -jar sluice.jar demo
 * java -jar sluice.jar run examples/sample-data/sluice.yaml --epochs 2 --set decoder.backend=imageio
 * }</pre>
 *
 * <p>Exit status: 0 when all went well; 1 when the work failed (a sample or file could not be
 * decoded, a file could not be written); 2 for a usage or configuration error (an unknown command,
 * option or plugin id, a wrong configuration, a missing file). Errors are one line on stderr, with
 * the stack trace only under {@code --verbose}.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** The longest error message printed; a message grows past it only from a value nobody reads whole. */
    static final int MESSAGE_LIMIT = 8000;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command command : List.of(new DemoCommand(), new RunCommand(), new DumpCommand(), new DecodeCommand(),
                new InspectCommand(), new BenchCommand(), new SoakCommand(), new ShardCommand(),
                new PluginsCommand())) {
            COMMANDS.put(command.name(), command);
        }
    }

    private Main() {
    }

    /**
     * Runs the command line {@code args} and exits the JVM with its status.
     *
     * @param args a command and its arguments; {@code --help} lists them
     */
    public static void main(String[] args) {
        // Core logs through SLF4J; the command prints for people, so only warnings get through unless --verbose.
        boolean verbose = List.of(args).contains("--verbose");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        }
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /**
     * Runs one command line, writing results to {@code out} and progress and errors to {@code err}.
     *
     * @param interactive whether {@code err} is a terminal, where a progress bar redraws its line
     * @return the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean interactive) {
        boolean verbose = false;
        Command command = null;
        try {
            Arguments arguments = Arguments.parse(args);
            verbose = arguments.flag("verbose");
            if (arguments.command() == null) {
                if (arguments.flag("help")) {
                    out.print(usage());
                    return OK;
                }
                err.print(usage());
                return USAGE;
            }
            command = COMMANDS.get(arguments.command());
            if (command == null) {
                String suggestion = Suggestions.closest(arguments.command(), COMMANDS.keySet())
                        .map(s -> " Did you mean '" + s + "'?").orElse("");
                throw new UsageException("unknown command '" + arguments.command() + "'; commands: "
                        + String.join(", ", COMMANDS.keySet()) + "." + suggestion);
            }
            if (arguments.flag("help")) {
                out.println("usage: sluice " + command.synopsis());
                out.println(command.summary());
                return OK;
            }
            arguments.requireOnly(command.name(), command.options());
            return command.run(new Invocation(arguments, out, err, interactive));
        } catch (UsageException | ConfigException | PluginException | OptionsException e) {
            report(err, e, verbose);
            return USAGE;
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            report(err, e, verbose);
            if (causedByOutOfMemory(e)) {
                String what = command != null ? command.heapNeededFor() : "this command";
                err.println("sluice: the Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB) is too small "
                        + "for " + what + "; raise it with SLUICE_JAVA_OPTS=-Xmx4g ./sluice ... "
                        + "or java -Xmx4g -jar sluice.jar ...");
            }
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean causedByOutOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static void report(PrintStream err, Throwable failure, boolean verbose) {
        err.println("sluice: " + describe(failure));
        if (verbose) {
            // --verbose asks for the stack trace, with its causes: the one place the command prints one.
            failure.printStackTrace(err);
        }
    }

    /**
     * One failure for people: a file error always with its file and a reason (the JDK's own message of
     * a {@link FileSystemException} is at times the bare path, {@code "x"}, or the bare reason), and
     * no message longer than {@link #MESSAGE_LIMIT} characters.
     */
    static String describe(Throwable failure) {
        String message;
        if (failure instanceof FileSystemException file && file.getFile() != null) {
            message = MessageValues.shorten(file.getFile()) + (file.getOtherFile() == null ? ""
                    : " -> " + MessageValues.shorten(file.getOtherFile())) + ": " + MessageValues.reason(file);
        } else {
            message = failure.getMessage();
            if (message == null || message.isBlank()) {
                message = failure.toString();
            }
        }
        return message.length() <= MESSAGE_LIMIT ? message
                : message.substring(0, MESSAGE_LIMIT) + "... (" + (message.length() - MESSAGE_LIMIT) + " more characters)";
    }

    /** The list of commands and common options. */
    static String usage() {
        StringBuilder text = new StringBuilder("usage: sluice COMMAND [ARGS] [--plugins DIR] [--verbose]\n\ncommands:\n");
        for (Command command : COMMANDS.values()) {
            text.append("  ").append(command.synopsis()).append("\n      ").append(command.summary()).append('\n');
        }
        List<String> common = new ArrayList<>();
        common.add("  --set KEY=VALUE   override a configuration key, e.g. --set loader.num_workers=4 (repeatable)");
        common.add("  --plugins DIR     also load the plugin jars in DIR");
        common.add("  --verbose         print stack traces with errors");
        text.append("\noptions:\n").append(String.join("\n", common)).append("\n\n");
        text.append("Exit status: 0 ok, 1 a failure while working (such as an image that does not decode),\n"
                + "2 a usage or configuration error.\n");
        return text.toString();
    }
}
