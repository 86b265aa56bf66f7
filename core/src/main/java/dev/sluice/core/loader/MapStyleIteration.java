package dev.sluice.core.loader;

import dev.sluice.api.DecodeBuffers;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One epoch over a map-style dataset. The caller's thread plans the batches; with workers it keeps
 * up to {@code prefetch_factor * num_workers} of them in flight, sending each to the worker with the
 * fewest outstanding, and hands them out in plan order ({@code in_order}) or as they complete.
 * Without workers it assembles each batch itself when asked.
 *
 * <p>The epoch's first batch, when it has more than one sample, is loaded by all the workers
 * together, each taking the next sample until none is left, so that it arrives about as many times
 * sooner as there are workers. Every later batch is its worker's, except that a worker with nothing
 * left in its inbox joins the oldest batch another worker has started and takes its next samples
 * ({@link OpenBatches}): at the epoch's end, where the last batches would each keep one worker busy
 * while the others wait, they finish together. The batches are the same either way.
 */
final class MapStyleIteration<B> extends Iteration<B> {
    private final BatchPlan plan;
    private final BatchAssembly<?, B> assembly;
    private final WorkerPool pool;
    private final int[] outstandingPerWorker;
    private final BlockingQueue<Outcome<B>> completed = new LinkedBlockingQueue<>();
    private final Map<Long, Outcome<B>> early = new HashMap<>();
    /** Numbers of the batches sent to workers and not yet received, in plan order. */
    private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
    /**
     * What the decoder may reuse when batches are loaded on the caller's thread (no workers): this
     * iteration's own, as it is iterated by one thread at a time.
     */
    private final DecodeBuffers callerBuffers;
    /** Started batches that idle workers may join; null without workers. */
    private final OpenBatches<B> open;
    /** The number of the batch all workers load together, or -1 if there is none. */
    private long shared = -1;
    private boolean sharedSent;

    /**
     * @param pool the workers, or null to load on the caller's thread; the caller of this
     *        constructor decides who closes it
     */
    MapStyleIteration(long epoch, LoaderOptions options, IterationControl control, Object owner, LoaderState resumed,
            BatchPlan plan, BatchAssembly<?, B> assembly, WorkerPool pool) {
        super(epoch, options, control, owner, resumed);
        this.plan = plan;
        this.assembly = assembly;
        this.pool = pool;
        this.outstandingPerWorker = new int[pool == null ? 0 : pool.size()];
        this.callerBuffers = pool == null ? new DecodeBuffers() : null;
        this.open = pool == null ? null : new OpenBatches<>(completed, control::isClosed);
        wakeOnClose(control, completed);
        if (pool != null) {
            OpenBatches<B> helping = open;
            pool.helpFrom(helping);
            control.onClose(() -> pool.stopHelping(helping));
        }
    }

    @Override
    Outcome<B> nextOutcome() throws InterruptedException {
        if (pool == null) {
            return plan.hasNext() ? assembly.assemble(epoch, plan.next(), -1, control::isClosed, callerBuffers) : null;
        }
        fillWindow();
        if (inFlight.isEmpty()) {
            return null;
        }
        Outcome<B> outcome = options.inOrder() ? awaitInOrder() : poll(completed, deadline(), inFlight.peekFirst());
        inFlight.remove(outcome.number());
        if (outcome.number() == shared) {
            for (int worker = 0; worker < outstandingPerWorker.length; worker++) {
                outstandingPerWorker[worker]--;
            }
        } else {
            outstandingPerWorker[outcome.worker()]--;
        }
        return outcome;
    }

    private void fillWindow() {
        if (!sharedSent && plan.hasNext() && outstandingPerWorker.length > 1) {
            PlannedBatch first = plan.next();
            if (first.indices().length > 1) {
                sendShared(first);
            } else {
                send(first);
            }
        }
        sharedSent = true;
        while (inFlight.size() < options.window() && plan.hasNext()) {
            send(plan.next());
        }
    }

    /** Sends {@code planned} to the worker with the fewest batches outstanding. */
    private void send(PlannedBatch planned) {
        int worker = leastLoadedWorker();
        outstandingPerWorker[worker]++;
        inFlight.addLast(planned.number());
        // The job refers to locals only, never to this iterator, so an abandoned iterator can be collected.
        BlockingQueue<Outcome<B>> results = completed;
        BatchWork<?, B> work = assembly.share(epoch, planned, worker, 0);
        OpenBatches<B> batches = open;
        WorkerPool workers = pool;
        pool.submit(worker, (initFailure, buffers) -> {
            if (initFailure != null) {
                results.add(Outcome.failure(planned, worker, workerInitFailure(worker, initFailure), List.of()));
            } else {
                batches.load(work, buffers, workers);
            }
        });
    }

    /** Sends {@code planned} to every worker, to load together. */
    private void sendShared(PlannedBatch planned) {
        shared = planned.number();
        inFlight.addLast(planned.number());
        BatchWork<?, B> work = assembly.share(epoch, planned, -1, outstandingPerWorker.length);
        BlockingQueue<Outcome<B>> results = completed;
        IterationControl running = control;
        for (int worker = 0; worker < outstandingPerWorker.length; worker++) {
            outstandingPerWorker[worker]++;
            int id = worker;
            pool.submit(worker, (initFailure, buffers) -> {
                Outcome<B> outcome = initFailure != null ? work.leave(workerInitFailure(id, initFailure))
                        : work.participate(running::isClosed, buffers);
                if (outcome != null) {
                    results.add(outcome);
                }
            });
        }
    }

    private int leastLoadedWorker() {
        int best = 0;
        for (int i = 1; i < outstandingPerWorker.length; i++) {
            if (outstandingPerWorker[i] < outstandingPerWorker[best]) {
                best = i;
            }
        }
        return best;
    }

    private Outcome<B> awaitInOrder() throws InterruptedException {
        long expected = inFlight.peekFirst();
        Outcome<B> outcome = early.remove(expected);
        long deadline = deadline();
        while (outcome == null) {
            Outcome<B> arrived = poll(completed, deadline, expected);
            if (arrived.number() == expected) {
                outcome = arrived;
            } else {
                early.put(arrived.number(), arrived);
            }
        }
        return outcome;
    }
}
