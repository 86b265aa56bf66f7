package dev.sluice.core.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every kind of epoch iteration shares: looking one outcome ahead for {@code hasNext()},
 * turning failures into exceptions, skipping batches whose samples were all skipped, keeping the
 * {@link EpochReport}, and closing exactly once.
 */
abstract class Iteration<B> implements BatchIterator<B> {
    private static final Logger LOG = LoggerFactory.getLogger(Iteration.class);

    final long epoch;
    final LoaderOptions options;
    final IterationControl control;
    private Outcome<B> pending;
    private boolean finished;
    private long batches;
    private long samples;
    private long skipped;
    private long[] lastIndices = {};
    private final List<SkippedSample> firstSkipped = new ArrayList<>();

    Iteration(long epoch, LoaderOptions options, IterationControl control) {
        this.epoch = epoch;
        this.options = options;
        this.control = control;
    }

    /**
     * The next outcome of this epoch in delivery order, or null when the epoch has no more.
     *
     * @throws LoaderTimeoutException when {@code timeout} passes without one
     */
    abstract Outcome<B> nextOutcome() throws InterruptedException;


    /** When a wait that starts now must end, in {@link System#nanoTime()} terms. */
    final long deadline() {
        return System.nanoTime() + options.timeout().toNanos();
    }

    final LoaderTimeoutException timedOut(long batch) {
        return new LoaderTimeoutException("DataLoader timed out after " + options.timeoutText() + " waiting for batch "
                + batch + " of epoch " + epoch);
    }

    static LoaderException workerInitFailure(int worker, Throwable failure) {
        return new LoaderException("worker_init_fn failed in worker " + worker + ": "
                + LoaderException.reasonOf(failure), failure);
    }

    @Override
    public final boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (finished || control.isClosed()) {
            return false;
        }
        try {
            while (pending == null) {
                Outcome<B> outcome = nextOutcome();
                if (outcome == null) {
                    finish();
                    return false;
                }
                account(outcome);
                if (!outcome.isEmpty()) {
                    pending = outcome;
                }
            }
            return true;
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new LoaderException("interrupted while waiting for a batch of epoch " + epoch
                    + "; the iteration is closed", e);
        }
    }

    @Override
    public final B next() {
        if (!hasNext()) {
            throw new NoSuchElementException(control.isClosed() && !finished
                    ? "the iteration of epoch " + epoch + " was closed"
                    : "epoch " + epoch + " has no more batches");
        }
        Outcome<B> outcome = pending;
        pending = null;
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        batches++;
        samples += outcome.samples();
        lastIndices = outcome.indices();
        return outcome.batch();
    }

    private void account(Outcome<B> outcome) {
        for (SkippedSample sample : outcome.skipped()) {
            skipped++;
            if (firstSkipped.size() < EpochReport.SKIPPED_KEPT) {
                firstSkipped.add(sample);
            }
        }
    }

    private void finish() {
        finished = true;
        if (skipped > 0) {
            LOG.warn("epoch {}: skipped {} samples that failed to load; first: {}", epoch, skipped, firstSkipped.get(0));
        }
        close();
    }

    @Override
    public final long[] indices() {
        return lastIndices.clone();
    }

    @Override
    public final EpochReport report() {
        return new EpochReport(epoch, batches, samples, skipped, firstSkipped);
    }

    @Override
    public final void close() {
        pending = null;
        control.close();
    }
}
