package dev.sluice.core.loader;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.core.dataset.SampleLoadException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * One map-style batch being loaded by one thread or by several together: each participant claims
 * the next sample position until none is left, and the last participant to leave makes the outcome.
 * Participants are either counted in from the start (the epoch's first batch, which every worker
 * loads) or join while the batch is open: its owner when it starts it, and idle workers that
 * {@linkplain #help help} once it has started and has samples left to claim.
 * The batch is the same whoever loads which sample: every sample's random source is keyed by its
 * position, samples are put together in position order, skipped samples are reported in position
 * order, and when samples fail the one at the lowest position is the batch's failure.
 */
final class BatchWork<S, B> {
    private static final int DONE = -1;
    /**
     * How one sample is read; a failure here is the sample's. {@code buffers} are the reading
     * thread's: a reading that decodes into them returns a sample that is accepted into the batch
     * before the same thread reads its next one, and is not kept after that.
     */
    @FunctionalInterface
    interface Reading<S> {
        S read(long index, RandomGenerator random, DecodeBuffers buffers);
    }

    private final BatchAssembly<?, B> assembly;
    private final Reading<S> reading;
    private final long epoch;
    private final PlannedBatch planned;
    private final BatchCollector<S, B> gathering;
    /** The worker the batch was sent to, named in its outcome; -1 for the caller's thread or every worker. */
    private final int owner;
    private final AtomicInteger nextPosition = new AtomicInteger();
    /** Threads in the batch now, or {@link #DONE} once the last has left and made the outcome. */
    private final AtomicInteger participants;
    private volatile boolean started;
    private final boolean[] loaded;
    private final SkippedSample[] skipped;
    /** The failure at the lowest position so far, and that position (-1 for one before any sample). */
    private RuntimeException failure;
    private int failurePosition = Integer.MAX_VALUE;
    private volatile boolean failed;

    /**
     * @param owner the worker the batch is sent to, or -1
     * @param participants the threads counted in from the start, each of which must call
     *        {@link #participate} or {@link #leave} once; 0 when its owner {@linkplain #start starts} it
     */
    BatchWork(BatchAssembly<?, B> assembly, long epoch, PlannedBatch planned, Reading<S> reading,
            BatchCollector<S, B> gathering, int owner, int participants) {
        this.assembly = assembly;
        this.owner = owner;
        this.started = participants > 0;
        this.reading = reading;
        this.epoch = epoch;
        this.planned = planned;
        this.gathering = gathering;
        this.participants = new AtomicInteger(participants);
        this.loaded = new boolean[planned.indices().length];
        this.skipped = new SkippedSample[planned.indices().length];
    }

    /**
     * Joins the batch as its owner, who then calls {@link #participate} or {@link #leave}; from now
     * on idle workers may {@linkplain #help help}. No one can have joined before: helpers join
     * started batches only.
     */
    void start() {
        participants.incrementAndGet();
        started = true;
    }

    /**
     * Joins a batch its owner has started and whose samples are not all claimed, as an idle
     * worker; the caller then calls {@link #participate} once.
     *
     * @return false if there is nothing to help with (and the caller must not participate)
     */
    boolean help() {
        return started && !closedToHelp() && join();
    }

    /**
     * Whether no thread can take a sample of this batch any more: all are claimed, or it failed (the
     * last participant leaves only then, so a finished batch is one of these).
     */
    boolean closedToHelp() {
        return failed || nextPosition.get() >= planned.indices().length;
    }

    private boolean join() {
        int present;
        do {
            present = participants.get();
            if (present == DONE) {
                return false;
            }
        } while (!participants.compareAndSet(present, present + 1));
        return true;
    }

    /**
     * Loads samples until none is left to claim or the batch has failed, then leaves. Never throws.
     *
     * @param stopped checked between samples, so a closed iteration stops early
     * @param buffers the calling thread's own decode buffers, lent to each sample's reading in turn
     * @return the outcome if this participant was the last to leave, else null
     */
    Outcome<B> participate(BooleanSupplier stopped, DecodeBuffers buffers) {
        try {
            loadSamples(stopped, buffers);
        } catch (Throwable unexpected) {
            fail(-1, new LoaderException("loading batch " + planned.number() + " of epoch " + epoch + " failed: "
                    + LoaderException.reasonOf(unexpected), unexpected));
        }
        return leave();
    }

    /**
     * Leaves without loading anything, failing the batch with {@code reason} (a worker whose init
     * function failed).
     *
     * @return the outcome if this participant was the last to leave, else null
     */
    Outcome<B> leave(RuntimeException reason) {
        fail(-1, reason);
        return leave();
    }

    private void loadSamples(BooleanSupplier stopped, DecodeBuffers buffers) {
        long[] indices = planned.indices();
        int position;
        while (!failed && (position = nextPosition.getAndIncrement()) < indices.length) {
            if (stopped.getAsBoolean()) {
                fail(position, new LoaderException("iteration closed", null));
                return;
            }
            long index = indices[position];
            S sample;
            try {
                sample = reading.read(index, assembly.random(epoch, planned.firstPosition() + position), buffers);
                if (sample == null) {
                    // A bug to fix, never a sample to skip.
                    fail(position, assembly.sampleFailure(index, epoch, planned, new NullPointerException(
                            assembly.datasetName() + ".get(" + index + ") returned null")));
                    return;
                }
            } catch (IndexOutOfBoundsException samplerBug) {
                // A sampler reaching past the dataset is a bug to fix, never a sample to skip.
                fail(position, assembly.sampleFailure(index, epoch, planned, samplerBug));
                return;
            } catch (Exception e) {
                SampleLoadException reason = assembly.sampleFailure(index, epoch, planned, e);
                if (!assembly.skips()) {
                    fail(position, reason);
                    return;
                }
                skipped[position] = new SkippedSample(index, placeOf(assembly.source(index), reason), reason.reason());
                continue;
            } catch (Throwable error) {
                fail(position, assembly.sampleFailure(index, epoch, planned, error));
                return;
            }
            try {
                gathering.accept(position, sample);
            } catch (Throwable collating) {
                fail(position, collateFailure(collating));
                return;
            }
            loaded[position] = true;
        }
    }

    private synchronized void fail(int position, RuntimeException reason) {
        if (position < failurePosition) {
            failure = reason;
            failurePosition = position;
        }
        failed = true;
    }

    /**
     * Every participant leaves with every sample claimed or the batch failed, so the one that
     * brings the count to 0 makes the outcome, unless a helper joined in between (it finds nothing
     * to claim and leaves at once, and makes the outcome itself).
     */
    private Outcome<B> leave() {
        if (participants.decrementAndGet() > 0 || !participants.compareAndSet(0, DONE)) {
            return null;
        }
        RuntimeException lastFailure;
        int lastFailurePosition;
        synchronized (this) {
            lastFailure = failure;
            lastFailurePosition = failurePosition;
        }
        List<SkippedSample> skips = skippedBefore(lastFailurePosition);
        if (lastFailure != null) {
            gathering.abandon();
            return Outcome.failure(planned, owner, lastFailure, skips);
        }
        long[] indices = loadedIndices();
        if (indices.length == 0) {
            gathering.abandon();
            return Outcome.batch(planned, owner, null, indices, skips);
        }
        B batch;
        try {
            batch = gathering.finish();
            if (batch == null) {
                throw new NullPointerException(assembly.collateName() + ".collate returned null");
            }
        } catch (Throwable collating) {
            gathering.abandon();
            return Outcome.failure(planned, owner, collateFailure(collating), skips);
        }
        try {
            return Outcome.batch(planned, owner, assembly.transformed(batch, epoch, planned.number()), indices, skips);
        } catch (Throwable transforming) {
            return Outcome.failure(planned, owner, new LoaderException("the batch transform "
                    + assembly.batchTransformName() + " failed for batch " + planned.number() + " of epoch " + epoch
                    + ": " + LoaderException.reasonOf(transforming), transforming), skips);
        }
    }

    private LoaderException collateFailure(Throwable cause) {
        return new LoaderException("collate failed for batch " + planned.number() + " of epoch " + epoch + ": "
                + LoaderException.reasonOf(cause), cause);
    }

    private List<SkippedSample> skippedBefore(int position) {
        List<SkippedSample> skips = List.of();
        for (int i = 0; i < skipped.length && i < position; i++) {
            if (skipped[i] != null) {
                if (skips.isEmpty()) {
                    skips = new ArrayList<>();
                }
                skips.add(skipped[i]);
            }
        }
        return skips;
    }

    private long[] loadedIndices() {
        int count = 0;
        for (boolean present : loaded) {
            count += present ? 1 : 0;
        }
        long[] indices = new long[count];
        for (int i = 0, k = 0; i < loaded.length; i++) {
            if (loaded[i]) {
                indices[k++] = planned.indices()[i];
            }
        }
        return indices;
    }

    /** The sample's path with the label file's line that lists it, where the failure names one. */
    private static String placeOf(String source, SampleLoadException reason) {
        return reason.origin().map(origin -> source.isEmpty() ? origin : source + ", " + origin).orElse(source);
    }
}
