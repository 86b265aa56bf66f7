package dev.sluice.core.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every kind of epoch iteration shares: looking one outcome ahead for {@code hasNext()},
 * turning failures into exceptions, skipping batches whose samples were all skipped, keeping the
 * {@link EpochReport} and which batches were delivered, and closing exactly once.
 */
abstract class Iteration<B> implements BatchIterator<B> {
    private static final Logger LOG = LoggerFactory.getLogger(Iteration.class);

    final long epoch;
    final LoaderOptions options;
    final IterationControl control;
    /** Keeps the loader reachable while its iterator is, so that collecting it cannot end the epoch. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final Object owner;
    private Outcome<B> pending;
    private boolean finished;
    private boolean closedByCaller;
    private long batches;
    private long samples;
    private long skipped;
    private long[] lastIndices = {};
    private final List<SkippedSample> firstSkipped = new ArrayList<>();
    /** The sample positions of the epoch handed out, this iteration's and those of the state it resumed. */
    private final DeliveredPositions delivered;
    /** Batches of the epoch handed out before this iteration resumed it. */
    private final long batchesBefore;
    /** Outcomes handed out by this iteration: batches, failures and batches left empty by skipping. */
    private long handedOut;
    /** Shared with close actions, which must not refer to the iteration. */
    private final AtomicLong lastPassDelivered = new AtomicLong(-1);

    Iteration(long epoch, LoaderOptions options, IterationControl control, Object owner, LoaderState resumed) {
        this.epoch = epoch;
        this.options = options;
        this.control = control;
        this.owner = owner;
        this.delivered = resumed == null ? new DeliveredPositions() : resumed.delivered();
        this.batchesBefore = resumed == null ? 0 : resumed.batchesDelivered();
    }

    /**
     * The next outcome of this epoch in delivery order, or null when the epoch has no more.
     *
     * @throws LoaderTimeoutException when {@code timeout} passes without one
     */
    abstract Outcome<B> nextOutcome() throws InterruptedException;

    /**
     * Takes the next outcome from {@code queue}, waiting at most until {@code deadline} when the
     * loader has a timeout.
     *
     * @param waitingFor the batch number waited for, for the timeout's message
     */
    final Outcome<B> poll(BlockingQueue<Outcome<B>> queue, long deadline, long waitingFor) throws InterruptedException {
        Outcome<B> outcome;
        if (options.timeout().isZero()) {
            outcome = queue.take();
        } else {
            outcome = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (outcome == null) {
                throw new LoaderTimeoutException("DataLoader timed out after " + options.timeoutText()
                        + " waiting for batch " + waitingFor + " of epoch " + epoch);
            }
        }
        if (outcome.isStop()) {
            queue.add(outcome);
            throw stoppedElsewhere();
        }
        return outcome;
    }

    /** Makes a caller waiting on {@code queue} wake up when the iteration is closed from another thread. */
    static <B> void wakeOnClose(IterationControl control, BlockingQueue<Outcome<B>> queue) {
        control.onClose(() -> queue.add(Outcome.stop()));
    }

    /** When a wait that starts now must end, in {@link System#nanoTime()} terms. */
    final long deadline() {
        return System.nanoTime() + options.timeout().toNanos();
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
        if (finished || closedByCaller) {
            return false;
        }
        requireNotClosedElsewhere();
        try {
            while (pending == null) {
                Outcome<B> outcome = nextOutcome();
                // Closed from another thread while waiting: say so, not what the interrupted workers sent.
                requireNotClosedElsewhere();
                if (outcome == null) {
                    finish();
                    return false;
                }
                countSkipped(outcome);
                if (outcome.isEmpty()) {
                    delivered(outcome);
                } else {
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

    private void requireNotClosedElsewhere() {
        if (control.isClosed() && !closedByCaller) {
            throw stoppedElsewhere();
        }
    }

    private IllegalStateException stoppedElsewhere() {
        return new IllegalStateException("the iteration of epoch " + epoch + " was stopped before its end, by the "
                + "next epoch or by closing the DataLoader; a loader runs one iteration at a time");
    }

    @Override
    public final B next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + (closedByCaller ? " was closed" : " has no more batches"));
        }
        Outcome<B> outcome = pending;
        pending = null;
        delivered(outcome);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        batches++;
        samples += outcome.samples();
        lastIndices = outcome.indices();
        return outcome.batch();
    }

    private void countSkipped(Outcome<B> outcome) {
        for (SkippedSample sample : outcome.skipped()) {
            skipped++;
            if (firstSkipped.size() < EpochReport.SKIPPED_KEPT) {
                firstSkipped.add(sample);
            }
        }
    }

    /** Counts an outcome as handed to the caller: a batch, a failure, or a batch left empty by skipping. */
    private void delivered(Outcome<B> outcome) {
        afterDelivery(outcome);
        lastPassDelivered.accumulateAndGet(outcome.pass(), Math::max);
        handedOut++;
        // A stream's batches have no positions: only a map-style batch marks the positions it was planned for.
        if (outcome.span() > 0) {
            delivered.add(outcome.firstPosition(), outcome.firstPosition() + outcome.span());
        }
    }

    /**
     * The last sampler pass a delivered batch came from (-1 before any; more than 0 only when
     * endless), as a holder a close action can read without keeping the iteration reachable.
     */
    final AtomicLong lastPassDelivered() {
        return lastPassDelivered;
    }

    /** Called as each outcome is handed to the caller, before it is counted. */
    void afterDelivery(Outcome<B> outcome) {
    }

    /** The outcome looked at by {@code hasNext()} and not yet handed out, or null. */
    final Outcome<B> pending() {
        return pending;
    }

    /** Whether the epoch has ended: {@code hasNext()} returned false at its end. */
    final boolean finished() {
        return finished;
    }

    /** Which sample positions of this epoch have been handed out, for {@link DataLoader#state()}. */
    LoaderState state(LoaderState.Plan plan) {
        if (finished) {
            return new LoaderState(epoch + 1, 0, new long[0], 0, plan);
        }
        return new LoaderState(epoch, delivered.prefix(), delivered.ranges(), batchesHandedOut(), plan);
    }

    /** Batches of this epoch handed out, by this iteration and before it resumed. */
    final long batchesHandedOut() {
        return batchesBefore + handedOut;
    }

    private void finish() {
        finished = true;
        if (skipped > 0) {
            LOG.warn("epoch {}: skipped {} samples that failed to load; first: {}", epoch, skipped, firstSkipped.get(0));
        }
        control.close();
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
        closedByCaller = true;
        pending = null;
        control.close();
    }
}
