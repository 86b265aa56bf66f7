package dev.sluice.examples.cli;

import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.MessageValues;
import dev.sluice.core.plugin.PluginException;
import dev.sluice.core.wiring.ConfigException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command threw, as one line on stderr (the stack trace only under {@code --verbose}) and an
 * exit status: 2 for a usage or configuration error, 1 for anything else, with a hint when the heap
 * was too small.
 */
final class Failures implements IExecutionExceptionHandler {
    /** The longest error message printed; a message grows past it only from a value nobody reads whole. */
    static final int MESSAGE_LIMIT = 8000;

    private final PrintStream err;
    private final SluiceCommand sluice;

    Failures(PrintStream err, SluiceCommand sluice) {
        this.err = err;
        this.sluice = sluice;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        return report(failure, command);
    }

    /** Reports {@code failure} of {@code command} (the sub-command that ran, or the top) and returns the exit status. */
    int report(Throwable failure, CommandLine command) {
        err.println("sluice: " + describe(failure));
        if (sluice.verbose()) {
            // --verbose asks for the stack trace, with its causes: the one place the command prints one.
            failure.printStackTrace(err);
        }
        if (failure instanceof UsageException || failure instanceof ConfigException
                || failure instanceof PluginException || failure instanceof OptionsException) {
            return Main.USAGE;
        }
        if (causedByOutOfMemory(failure)) {
            String what = command.getCommand() instanceof Subcommand subcommand ? subcommand.heapNeededFor()
                    : "this command";
            err.println("sluice: the Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB) is too small "
                    + "for " + what + "; raise it with SLUICE_JAVA_OPTS=-Xmx4g ./sluice ... "
                    + "or java -Xmx4g -jar sluice.jar ...");
        }
        return Main.FAILED;
    }

    private static boolean causedByOutOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
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
        return shorten(message);
    }

    /** {@code message}, cut to {@link #MESSAGE_LIMIT} characters with a count of the rest. */
    static String shorten(String message) {
        return message.length() <= MESSAGE_LIMIT ? message
                : message.substring(0, MESSAGE_LIMIT) + "... (" + (message.length() - MESSAGE_LIMIT) + " more characters)";
    }
}
