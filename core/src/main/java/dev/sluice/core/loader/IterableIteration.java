package dev.sluice.core.loader;

import dev.sluice.api.Collate;
import dev.sluice.api.IterableDataset;
import dev.sluice.api.TensorAllocator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * One epoch over an iterable dataset. Each worker iterates the dataset on its own thread (the
 * dataset shards itself with {@link dev.sluice.api.WorkerInfo#current()}) and batches its own
 * stream, at most {@code prefetch_factor} batches ahead. In order, the caller takes batches from
 * the workers in turn, dropping a worker from the cycle when its stream ends, as PyTorch does;
 * otherwise it takes them as they come. Without workers the caller's thread does it all.
 */
final class IterableIteration<T, B> extends Iteration<B> {
    private final Producer<T, B> producer;
    private final List<Integer> active = new ArrayList<>();
    private final List<ArrayDeque<Outcome<B>>> buffered = new ArrayList<>();
    private Iterator<T> ownStream;
    private long ownBatches;
    private boolean ownStreamEnded;
    private int turn;
    private long delivered;

    IterableIteration(long epoch, LoaderOptions options, IterationControl control, Object owner,
            IterableDataset<T> dataset, Collate<? super T, ? extends B> collate, TensorAllocator allocator,
            WorkerPool pool) {
        super(epoch, options, control, owner, null);
        int workers = pool == null ? 0 : pool.size();
        this.producer = new Producer<>(epoch, options, control, dataset, collate, allocator, workers);
        for (int worker = 0; worker < workers; worker++) {
            active.add(worker);
            buffered.add(new ArrayDeque<>());
            Producer<T, B> streams = producer;
            int id = worker;
            pool.submit(id, initFailure -> streams.stream(id, initFailure));
        }
        control.onClose(producer::wakeAll);
        wakeOnClose(control, producer.completed);
    }

    @Override
    Outcome<B> nextOutcome() throws InterruptedException {
        if (producer.permits.length == 0) {
            if (ownStreamEnded) {
                return null;
            }
            Outcome<B> outcome;
            try {
                if (ownStream == null) {
                    ownStream = producer.dataset.iterator(epoch);
                }
                outcome = producer.nextBatch(ownStream, ownBatches++, -1);
            } catch (RuntimeException | Error e) {
                outcome = Outcome.streamFailure(ownBatches, -1, producer.streamFailure(-1, e, 0));
            }
            ownStreamEnded = outcome == null || outcome.failure() != null;
            return outcome;
        }
        while (!active.isEmpty()) {
            Outcome<B> outcome = options.inOrder() ? takeInTurn() : takeAny();
            if (outcome != null) {
                producer.permits[outcome.worker()].release();
                delivered++;
                return outcome;
            }
        }
        return null;
    }

    /** The next batch of the worker whose turn it is, or null when that worker's stream just ended. */
    private Outcome<B> takeInTurn() throws InterruptedException {
        int worker = active.get(turn);
        long deadline = deadline();
        while (buffered.get(worker).isEmpty()) {
            Outcome<B> arrived = poll(deadline);
            buffered.get(arrived.worker()).add(arrived);
        }
        Outcome<B> outcome = buffered.get(worker).poll();
        if (outcome.last()) {
            active.remove(turn);
            if (turn == active.size()) {
                turn = 0;
            }
            return null;
        }
        turn = (turn + 1) % active.size();
        return outcome;
    }

    private Outcome<B> takeAny() throws InterruptedException {
        Outcome<B> outcome = poll(deadline());
        if (outcome.last()) {
            active.remove(Integer.valueOf(outcome.worker()));
            return null;
        }
        return outcome;
    }

    private Outcome<B> poll(long deadline) throws InterruptedException {
        return poll(producer.completed, deadline, delivered);
    }

    /**
     * The workers' side: what their jobs touch. It never refers to the iterator, so an abandoned
     * iterator can be collected while workers still wait for permits.
     */
    private static final class Producer<T, B> {
        private final long epoch;
        private final LoaderOptions options;
        private final IterationControl control;
        private final IterableDataset<T> dataset;
        private final Collate<? super T, ? extends B> collate;
        private final TensorAllocator allocator;
        private final BlockingQueue<Outcome<B>> completed = new LinkedBlockingQueue<>();
        private final Semaphore[] permits;

        Producer(long epoch, LoaderOptions options, IterationControl control, IterableDataset<T> dataset,
                Collate<? super T, ? extends B> collate, TensorAllocator allocator, int workers) {
            this.epoch = epoch;
            this.options = options;
            this.control = control;
            this.dataset = dataset;
            this.collate = collate;
            this.allocator = allocator;
            this.permits = new Semaphore[workers];
            for (int worker = 0; worker < workers; worker++) {
                permits[worker] = new Semaphore(options.prefetchFactor());
            }
        }

        /** Lets every worker waiting for a permit see that the iteration closed. */
        void wakeAll() {
            for (Semaphore semaphore : permits) {
                semaphore.release(options.prefetchFactor() + 1);
            }
        }

        void stream(int worker, Throwable initFailure) {
            if (initFailure != null) {
                completed.add(Outcome.streamFailure(0, worker, Iteration.workerInitFailure(worker, initFailure)));
                completed.add(Outcome.end(worker));
                return;
            }
            long number = 0;
            try {
                Iterator<T> stream = dataset.iterator(epoch);
                while (!control.isClosed()) {
                    permits[worker].acquire();
                    Outcome<B> outcome = control.isClosed() ? null : nextBatch(stream, number++, worker);
                    if (outcome == null) {
                        break;
                    }
                    completed.add(outcome);
                    if (outcome.failure() != null) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                completed.add(Outcome.streamFailure(number, worker, streamFailure(worker, e, 0)));
            }
            // Always, or the caller would wait for this worker forever.
            completed.add(Outcome.end(worker));
        }

        /** The next batch of {@code stream}, a failure, or null at its end (or a short end under drop_last). */
        Outcome<B> nextBatch(Iterator<T> stream, long number, int worker) {
            List<T> samples = new ArrayList<>(options.batchSize());
            try {
                while (samples.size() < options.batchSize() && stream.hasNext()) {
                    T sample = stream.next();
                    if (sample == null) {
                        throw new NullPointerException(dataset.getClass().getName() + "'s iterator returned null");
                    }
                    samples.add(sample);
                }
            } catch (RuntimeException | Error e) {
                return Outcome.streamFailure(number, worker, streamFailure(worker, e, samples.size()));
            }
            if (samples.isEmpty() || (options.dropLast() && samples.size() < options.batchSize())) {
                return null;
            }
            try {
                B batch = collate.collate(samples, allocator);
                if (batch == null) {
                    throw new NullPointerException(collate.getClass().getName() + ".collate returned null");
                }
                return Outcome.streamed(number, worker, batch, samples.size());
            } catch (RuntimeException | Error e) {
                return Outcome.streamFailure(number, worker, new LoaderException("collate failed for batch " + number
                        + " of " + where(worker) + ": " + LoaderException.reasonOf(e), e));
            }
        }

        /** @param lost samples already read for the batch being built, which the failure loses */
        LoaderException streamFailure(int worker, Throwable e, int lost) {
            return new LoaderException("the dataset's iterator failed in " + where(worker) + ": "
                    + LoaderException.reasonOf(e) + "; that stream ends here"
                    + (lost == 0 ? "" : lost == 1 ? " and the 1 sample read for its next batch is lost"
                    : " and the " + lost + " samples read for its next batch are lost"), e);
        }

        private String where(int worker) {
            return "epoch " + epoch + (worker < 0 ? "" : ", worker " + worker);
        }
    }
}
