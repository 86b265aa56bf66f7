package dev.sluice.core.loader;

import dev.sluice.api.DecodeBuffers;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.BooleanSupplier;

/**
 * The batches of one map-style epoch that their owners have started and not finished, oldest
 * first, where a worker with nothing of its own to start finds samples to load: at an epoch's end,
 * when the last batches are each one worker's, the others would otherwise wait with nothing to do.
 * It refers to no iteration, so an abandoned one can be collected while a persistent pool keeps it.
 */
final class OpenBatches<B> implements WorkerPool.HelpSource {
    private final ConcurrentLinkedDeque<BatchWork<?, B>> started = new ConcurrentLinkedDeque<>();
    private final Queue<Outcome<B>> results;
    private final BooleanSupplier stopped;

    /**
     * @param results where the outcome of a batch goes, from whichever thread finishes it
     * @param stopped whether the iteration is closed, checked between samples
     */
    OpenBatches(Queue<Outcome<B>> results, BooleanSupplier stopped) {
        this.results = results;
        this.stopped = stopped;
    }

    /** Loads {@code work} as its owner, letting idle workers join it once it has started. */
    void load(BatchWork<?, B> work, DecodeBuffers buffers, WorkerPool pool) {
        work.start();
        started.addLast(work);
        pool.nudgeIdle();
        finished(work, work.participate(stopped, buffers));
    }

    @Override
    public WorkerPool.Job nextHelp() {
        for (Iterator<BatchWork<?, B>> open = started.iterator(); open.hasNext();) {
            BatchWork<?, B> work = open.next();
            if (work.closedToHelp()) {
                open.remove();
            } else if (work.help()) {
                return (initFailure, buffers) -> finished(work, work.participate(stopped, buffers));
            }
        }
        return null;
    }

    private void finished(BatchWork<?, B> work, Outcome<B> outcome) {
        if (outcome != null) {
            started.remove(work);
            results.add(outcome);
        }
    }
}
