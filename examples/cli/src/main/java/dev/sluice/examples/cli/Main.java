package dev.sluice.examples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code sluice} command: runs, dumps, benchmarks and inspects the loaders that YAML files
 * describe, decodes images with any backend, and lists the plugins it finds.
 *
 * <pre>{@code
 * java -jar sluice.jar demo
 * java -jar sluice.jar run examples/sample-data/sluice.yaml -e 2 --set decoder.backend=imageio
 * java -jar sluice.jar help run
 * source <(java -jar sluice.jar completion)
 * }</pre>
 *
 * <p>The command line is parsed by picocli ({@link SluiceCommand} and its sub-commands), which also
 * writes the help, {@code --version} and the completion script. Exit status: 0 when all went well;
 * 1 when the work failed (a sample or file could not be decoded, a file could not be written); 2
 * for a usage or configuration error (an unknown command, option or plugin id, a wrong
 * configuration, a missing file). Errors are one line on stderr, with the stack trace only under
 * {@code --verbose}.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Main() {
    }

    /**
     * Runs the command line {@code args} and exits the JVM with its status.
     *
     * @param args a command and its arguments; {@code --help} lists them
     */
    public static void main(String[] args) {
        // Core logs through SLF4J; the command prints for people, so only warnings get through unless --verbose.
        List<String> words = List.of(args);
        boolean verbose = words.contains("--verbose") || words.contains("-v");
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
        SluiceCommand sluice = new SluiceCommand(out, err, interactive);
        CommandLine commandLine = commandLine(sluice, out, err);
        Failures failures = new Failures(err, sluice);
        commandLine.setExecutionExceptionHandler(failures);
        try {
            return commandLine.execute(args);
        } catch (LinkageError | OutOfMemoryError e) {
            // picocli hands on only Exceptions; these Errors arrive here, from the sub-command that ran.
            return failures.report(e, ran(commandLine));
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            out.flush();
            err.flush();
        }
    }

    /** The picocli command line of {@code sluice}, printing to {@code out} and {@code err}. */
    static CommandLine commandLine(SluiceCommand sluice, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(sluice);
        headings(commandLine);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler(new UsageErrors(err));
        ITypeConverter<Long> longs = text -> Long.valueOf(wholeNumber(text));
        ITypeConverter<Integer> ints = text -> {
            long number = wholeNumber(text);
            if (number != (int) number) {
                throw new TypeConversionException("'" + text + "' is out of range");
            }
            return (int) number;
        };
        commandLine.registerConverter(Long.class, longs).registerConverter(long.class, longs)
                .registerConverter(Integer.class, ints).registerConverter(int.class, ints);
        return commandLine;
    }

    /** {@code text} as a whole number, or a conversion error in words rather than Java's type names. */
    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    /** Headings over the parameters and options of {@code command} and its sub-commands, as every help prints them. */
    private static void headings(CommandLine command) {
        command.getCommandSpec().usageMessage().parameterListHeading("%nParameters:%n").optionListHeading("%nOptions:%n");
        command.getSubcommands().values().forEach(Main::headings);
    }

    /** The deepest command the last parse reached: the sub-command that ran, or the top. */
    private static CommandLine ran(CommandLine top) {
        ParseResult parsed = top.getParseResult();
        if (parsed == null) {
            return top;
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().commandLine();
    }
}
