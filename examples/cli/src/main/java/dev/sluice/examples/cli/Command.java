package dev.sluice.examples.cli;

import java.util.Set;

/** One subcommand of {@code sluice}. */
interface Command {

    /** The word that names it on the command line: {@code "run"}. */
    String name();

    /** Its synopsis after {@code sluice}: {@code "run CONFIG [--epochs N] [--steps N]"}. */
    String synopsis();

    /** What it does, in one line. */
    String summary();

    /** The options and flags it takes besides {@code --plugins}, {@code --verbose} and {@code --help}. */
    Set<String> options();

    /** What the heap was too small for, when the command ran out of it: {@code "this configuration's batches"}. */
    default String heapNeededFor() {
        return "this configuration's batches";
    }

    /**
     * Runs the command.
     *
     * @return the exit status: 0 when all went well, 1 when some input failed (reported already)
     * @throws Exception anything else; {@link Main} turns it into one line and an exit status
     */
    int run(Invocation invocation) throws Exception;
}
