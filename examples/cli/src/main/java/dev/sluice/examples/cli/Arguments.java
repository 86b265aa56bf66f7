package dev.sluice.examples.cli;

import dev.sluice.api.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A command line split into the command, its positional arguments, its options ({@code --out DIR}
 * or {@code --out=DIR}), its flags ({@code --json}) and the {@code --set KEY=VALUE} overrides, in
 * order. Options may come before or after the command and between positional arguments;
 * {@code --} ends the options.
 */
final class Arguments {
    /** Every option that takes a value, whichever command uses it. */
    private static final Set<String> VALUED = Set.of("plugins", "set", "epochs", "steps", "out", "batches", "epoch",
            "backend", "mode", "reduce", "roi", "batch", "warmup", "resume", "save-every", "shard-size", "resize",
            "quality", "pattern");
    private static final Set<String> FLAGS = Set.of("verbose", "json", "help", "indices");

    private final String command;
    private final List<String> positionals;
    private final Map<String, String> options;
    private final Set<String> flags;
    private final List<String> sets;

    private Arguments(String command, List<String> positionals, Map<String, String> options, Set<String> flags,
            List<String> sets) {
        this.command = command;
        this.positionals = positionals;
        this.options = options;
        this.flags = flags;
        this.sets = sets;
    }

    static Arguments parse(String[] args) {
        String command = null;
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new TreeSet<>();
        List<String> sets = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && (arg.equals("-h") || arg.equals("--help"))) {
                flags.add("help");
            } else if (!optionsEnded && arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = arg.substring(2, equals < 0 ? arg.length() : equals);
                if (FLAGS.contains(name)) {
                    if (equals >= 0) {
                        throw new UsageException("--" + name + " takes no value, was given '" + arg.substring(equals + 1)
                                + "'");
                    }
                    flags.add(name);
                    continue;
                }
                if (!VALUED.contains(name)) {
                    throw unknownOption(name, union());
                }
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                if (name.equals("set")) {
                    sets.add(value);
                } else if (options.put(name, value) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            } else if (command == null) {
                command = arg;
            } else {
                positionals.add(arg);
            }
        }
        return new Arguments(command, List.copyOf(positionals), options, flags, List.copyOf(sets));
    }

    private static Set<String> union() {
        Set<String> all = new TreeSet<>(VALUED);
        all.addAll(FLAGS);
        return all;
    }

    private static UsageException unknownOption(String name, Set<String> known) {
        String suggestion = Suggestions.closest(name, known).map(s -> " Did you mean --" + s + "?").orElse("");
        List<String> spelled = new ArrayList<>();
        for (String option : known) {
            spelled.add("--" + option);
        }
        return new UsageException("unknown option --" + name + "; known: " + String.join(", ", spelled) + "."
                + suggestion);
    }

    /**
     * Refuses what {@code command} does not take: options and flags outside {@code allowed} (the
     * common ones, {@code --plugins}, {@code --verbose} and {@code --help}, are always allowed).
     */
    void requireOnly(String commandName, Set<String> allowed) {
        Set<String> known = new TreeSet<>(allowed);
        known.addAll(Set.of("plugins", "verbose", "help"));
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("sluice " + commandName + ": " + unknownOption(name, known).getMessage());
            }
        }
        for (String name : flags) {
            if (!known.contains(name)) {
                throw new UsageException("sluice " + commandName + ": " + unknownOption(name, known).getMessage());
            }
        }
        if (!sets.isEmpty() && !known.contains("set")) {
            throw new UsageException("sluice " + commandName + " reads no configuration, so --set has nothing to set");
        }
    }

    /** The command word, or null when none was given. */
    String command() {
        return command;
    }

    List<String> positionals() {
        return positionals;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** The value of {@code --name}, or null when it was not given. */
    String option(String name) {
        return options.get(name);
    }

    /**
     * The value of {@code --name} as a whole number in {@code [min, max]}, or {@code fallback} when absent.
     *
     * @throws UsageException naming the option and the value when it is not such a number
     */
    long number(String name, long fallback, long min, long max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + value + "'", e);
        }
        if (number < min || number > max) {
            throw new UsageException("--" + name + " must be " + (max == Long.MAX_VALUE ? ">= " + min
                    : "from " + min + " to " + max) + ", was " + number);
        }
        return number;
    }

    /** The {@code --set} overrides, in the order given. */
    List<String> sets() {
        return sets;
    }
}
