package dev.sluice.core.loader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One epoch over a map-style dataset. The caller's thread plans the batches; with workers it keeps
 * up to {@code prefetch_factor * num_workers} of them in flight, sending each to the worker with the
 * fewest outstanding, and hands them out in plan order ({@code in_order}) or as they complete.
 * Without workers it assembles each batch itself when asked.
 */
final class MapStyleIteration<B> extends Iteration<B> {
    private final BatchPlan plan;
    private final BatchAssembly<?, B> assembly;
    private final WorkerPool pool;
    private final int[] outstandingPerWorker;
    private final BlockingQueue<Outcome<B>> completed = new LinkedBlockingQueue<>();
    private final Map<Long, Outcome<B>> early = new HashMap<>();
    private long dispatched;
    private long received;
    private long nextInOrder;

    /**
     * @param pool the workers, or null to load on the caller's thread; the caller of this
     *        constructor decides who closes it
     */
    MapStyleIteration(long epoch, LoaderOptions options, IterationControl control, BatchPlan plan,
            BatchAssembly<?, B> assembly, WorkerPool pool) {
        super(epoch, options, control);
        this.plan = plan;
        this.assembly = assembly;
        this.pool = pool;
        this.outstandingPerWorker = new int[pool == null ? 0 : pool.size()];
    }

    /** Sampler passes this iteration has started; more than 1 only for endless datasets. */
    long passesStarted() {
        return plan.passesStarted();
    }

    @Override
    Outcome<B> nextOutcome() throws InterruptedException {
        if (pool == null) {
            if (!plan.hasNext()) {
                return null;
            }
            long number = dispatched++;
            long position = plan.nextPosition();
            return assembly.assemble(epoch, number, position, plan.next(), -1, control::isClosed);
        }
        fillWindow();
        if (received == dispatched) {
            return null;
        }
        Outcome<B> outcome = options.inOrder() ? awaitInOrder() : await();
        received++;
        outstandingPerWorker[outcome.worker()]--;
        return outcome;
    }

    private void fillWindow() {
        while (dispatched - received < options.window() && plan.hasNext()) {
            long number = dispatched;
            long position = plan.nextPosition();
            long[] indices = plan.next();
            int worker = leastLoadedWorker();
            outstandingPerWorker[worker]++;
            dispatched++;
            // The job refers to locals only, never to this iterator, so an abandoned iterator can be collected.
            BlockingQueue<Outcome<B>> results = completed;
            BatchAssembly<?, B> batches = assembly;
            IterationControl running = control;
            long epochNumber = epoch;
            pool.submit(worker, initFailure -> results.add(initFailure != null
                    ? Outcome.failure(number, worker, workerInitFailure(worker, initFailure), List.of())
                    : batches.assemble(epochNumber, number, position, indices, worker, running::isClosed)));
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
        long deadline = deadline();
        Outcome<B> outcome = early.remove(nextInOrder);
        while (outcome == null) {
            Outcome<B> arrived = poll(deadline, nextInOrder);
            if (arrived.number() == nextInOrder) {
                outcome = arrived;
            } else {
                early.put(arrived.number(), arrived);
            }
        }
        nextInOrder++;
        return outcome;
    }

    private Outcome<B> await() throws InterruptedException {
        return poll(deadline(), received);
    }

    private Outcome<B> poll(long deadline, long waitingFor) throws InterruptedException {
        if (!options.hasTimeout()) {
            return completed.take();
        }
        Outcome<B> outcome = completed.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (outcome == null) {
            throw timedOut(waitingFor);
        }
        return outcome;
    }
}
