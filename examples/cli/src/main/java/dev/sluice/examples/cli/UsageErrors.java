package dev.sluice.examples.cli;

import dev.sluice.api.Suggestions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that picocli could not parse, as one line on stderr and exit status 2. An unknown
 * option lists the options of the command it was given to, and only those, with picocli's
 * suggestion: {@code sluice run: unknown option --epoch; known: --epochs, ... Did you mean --epochs?}.
 */
final class UsageErrors implements IParameterExceptionHandler {
    private final PrintStream err;

    UsageErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        err.println("sluice: " + Failures.shorten(describe(failure)));
        return Main.USAGE;
    }

    /** The one line that says what is wrong with the command line, without the leading {@code sluice: }. */
    static String describe(ParameterException failure) {
        CommandSpec command = failure.getCommandLine().getCommandSpec();
        boolean top = command.parent() == null;
        String where = top ? "" : command.qualifiedName() + ": ";
        if (failure instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (unmatched.isUnknownOption()) {
                return unknownOption(command, first, unmatched.getSuggestions());
            }
            if (top) {
                return unknownCommand(command, first, unmatched.getSuggestions());
            }
            if (command.positionalParameters().isEmpty()) {
                return command.qualifiedName() + " takes no arguments, was given "
                        + String.join(" ", unmatched.getUnmatched());
            }
            return where + "unexpected argument '" + first + "'; it takes " + positionals(command);
        }
        if (failure instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            ArgSpec arg = missing.getMissing().get(0);
            if (arg.isOption() && failure.getMessage().startsWith("Missing required parameter for option")) {
                return where + ((OptionSpec) arg).longestName() + " needs a value (" + arg.paramLabel() + ")";
            }
            String name = arg.isOption() ? ((OptionSpec) arg).longestName() + " " + arg.paramLabel() : arg.paramLabel();
            String what = arg.description().length == 0 ? "" : ": " + asClause(arg.description()[0]);
            return command.qualifiedName() + " needs " + name + what;
        }
        // sluice help NAME, for a NAME that is no command.
        if (top && failure.getValue() != null && failure.getMessage().startsWith("Unknown subcommand")) {
            return unknownCommand(command, failure.getValue(), List.of());
        }
        return where + asClause(failure.getMessage());
    }

    private static String unknownOption(CommandSpec command, String given, List<String> suggestions) {
        int equals = given.indexOf('=');
        String option = equals < 0 ? given : given.substring(0, equals);
        boolean top = command.parent() == null;
        if (top) {
            List<String> takers = new ArrayList<>();
            command.subcommands().forEach((name, sub) -> {
                if (sub.getCommandSpec().findOption(option) != null) {
                    takers.add(name);
                }
            });
            if (!takers.isEmpty()) {
                return option + " belongs after the command that takes it (" + String.join(", ", takers)
                        + "): sluice " + takers.get(0) + " ... " + option;
            }
        } else if (option.equals("--set")) {
            return command.qualifiedName() + " reads no configuration, so --set has nothing to set";
        }
        TreeSet<String> known = new TreeSet<>();
        for (OptionSpec spec : command.options()) {
            if (!spec.hidden()) {
                known.add(spec.longestName());
            }
        }
        return (top ? "" : command.qualifiedName() + ": ") + "unknown option " + option + "; known: "
                + String.join(", ", known) + "."
                + (suggestions.isEmpty() ? "" : " Did you mean " + String.join(" or ", suggestions) + "?");
    }

    private static String unknownCommand(CommandSpec top, String given, List<String> suggestions) {
        Map<String, CommandLine> commands = top.subcommands();
        String suggestion = suggestions.isEmpty() ? Suggestions.closest(given, commands.keySet()).orElse(null)
                : suggestions.get(0);
        return "unknown command '" + given + "'; commands: " + String.join(", ", commands.keySet()) + "."
                + (suggestion == null ? "" : " Did you mean '" + suggestion + "'?");
    }

    private static String positionals(CommandSpec command) {
        List<String> labels = new ArrayList<>();
        command.positionalParameters().forEach(p -> labels.add(p.paramLabel()));
        return String.join(" ", labels);
    }

    /** A sentence as a clause: "The folder." becomes "the folder"; "JPEG files." keeps its capitals. */
    private static String asClause(String sentence) {
        String text = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        if (text.length() < 2 || Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
