package dev.sluice.examples.cli;

import java.util.concurrent.Callable;

/**
 * One sub-command of {@code sluice}: a picocli command whose {@link #call()} returns the exit
 * status, 0 when all went well, 1 when some input failed (reported already); anything thrown
 * becomes one line on stderr ({@link Failures}).
 */
interface Subcommand extends Callable<Integer> {

    /** What the heap was too small for, when the command ran out of it: {@code "this configuration's batches"}. */
    default String heapNeededFor() {
        return "this configuration's batches";
    }
}
