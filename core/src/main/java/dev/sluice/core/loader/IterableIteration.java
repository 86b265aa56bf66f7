package dev.sluice.core.loader;

import dev.sluice.api.Collate;
import dev.sluice.api.IterableDataset;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.dataset.ResumableDataset;
import dev.sluice.core.dataset.SkippingStream;
import dev.sluice.core.dataset.SlotSamples;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One epoch over an iterable dataset. Each worker iterates the dataset on its own thread (the
 * dataset shards itself with {@link dev.sluice.api.WorkerInfo#current()}) and batches its own
 * stream, at most {@code prefetch_factor} batches ahead. In order, the caller takes batches from
 * the workers in turn, dropping a worker from the cycle when its stream ends, as PyTorch does;
 * otherwise it takes them as they come. Without workers the caller's thread does it all. When the
 * dataset has the {@link SlotSamples.Streamed} capability and the collate function is
 * {@code LabeledCollate}, each stream's samples come prepared and are written into their batch
 * slots as they arrive ({@link BatchCollector.Slotted}); the batches are those of the general route.
 *
 * <p>For a {@link ResumableDataset} each batch carries its stream's position after it; the
 * iteration keeps, per stream, the position after the last batch handed out, which is what
 * {@link DataLoader#state()} saves, and a resumed iteration opens each stream there and starts the
 * cycle at the stream whose turn it was.
 */
final class IterableIteration<T, B> extends Iteration<B> {
    private static final Logger LOG = LoggerFactory.getLogger(IterableIteration.class);

    private final Producer<T, B> producer;
    private final List<Integer> active = new ArrayList<>();
    private final List<ArrayDeque<Outcome<B>>> buffered = new ArrayList<>();
    /** Per stream (one without workers): its position after the last batch handed out; "" before any. */
    private final String[] positions;
    /** Samples of the epoch handed out before this iteration resumed it, and by it. */
    private long samplesHandedOut;
    /** The caller's own stream when there are no workers; closed by the control, so it must not refer to this. */
    private final OwnStream<T> ownStream;
    private long ownBatches;
    private int turn;
    private long delivered;

    /** @param resumed the state to continue this epoch from, or null to start it afresh */
    IterableIteration(long epoch, LoaderOptions options, IterationControl control, Object owner,
            IterableDataset<T> dataset, Collate<? super T, ? extends B> collate, TensorAllocator allocator,
            WorkerPool pool, LoaderState resumed) {
        super(epoch, options, control, owner, resumed);
        int workers = pool == null ? 0 : pool.size();
        this.positions = new String[Math.max(1, workers)];
        Arrays.fill(positions, "");
        if (resumed != null && !resumed.streamPositions().isEmpty()) {
            resumed.streamPositions().toArray(positions);
        }
        this.samplesHandedOut = resumed == null ? 0 : resumed.samplesDelivered();
        this.producer = new Producer<>(epoch, options, control, dataset, collate, allocator, workers, positions.clone());
        for (int worker = 0; worker < workers; worker++) {
            active.add(worker);
            buffered.add(new ArrayDeque<>());
            Producer<T, B> streams = producer;
            int id = worker;
            pool.submit(id, (initFailure, buffers) -> streams.stream(id, initFailure));
        }
        if (resumed != null && workers > 0) {
            turn = Math.max(0, active.indexOf(resumed.nextStream()));
        }
        this.ownStream = new OwnStream<>(producer);
        control.onClose(producer::wakeAll);
        // Never a method of this iterator: the control is the Cleaner's action for it, and an action
        // that reaches its object keeps the object, and every epoch's iterator with it, alive for good.
        control.onClose(ownStream::close);
        wakeOnClose(control, producer.completed);
    }

    @Override
    Outcome<B> nextOutcome() throws InterruptedException {
        if (producer.permits.length == 0) {
            Outcome<B> outcome;
            try {
                Iterator<?> stream = ownStream.get();
                if (stream == null) {
                    return null;
                }
                outcome = producer.nextBatch(stream, ownBatches++, -1);
            } catch (RuntimeException | Error e) {
                outcome = Outcome.streamFailure(ownBatches, -1, producer.streamFailure(-1, e, 0));
            }
            if (outcome == null || outcome.failure() != null) {
                ownStream.close();
            }
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

    @Override
    void afterDelivery(Outcome<B> outcome) {
        samplesHandedOut += outcome.samples();
        if (outcome.position() != null) {
            positions[Math.max(0, outcome.worker())] = outcome.position();
        }
    }

    /** Per stream, the position after the last batch handed out, and whose turn is next. */
    @Override
    LoaderState state(LoaderState.Plan plan) {
        if (finished()) {
            return super.state(plan);
        }
        Outcome<B> waiting = pending();
        int next = waiting != null ? Math.max(0, waiting.worker()) : active.isEmpty() ? 0 : active.get(turn);
        return new LoaderState(epoch, samplesHandedOut, new long[0], batchesHandedOut(), plan, List.of(positions),
                next);
    }

    /** The caller's own stream, opened on first use and closed once, from whichever thread comes first. */
    private static final class OwnStream<T> {
        private final Producer<T, ?> producer;
        private Iterator<?> stream;
        private boolean ended;

        OwnStream(Producer<T, ?> producer) {
            this.producer = producer;
        }

        /** The stream, opened on first use; null once it has ended or the iteration was closed. */
        synchronized Iterator<?> get() {
            if (ended) {
                return null;
            }
            if (stream == null) {
                stream = producer.open(0);
            }
            return stream;
        }

        /** Closes the stream once: at its end, or when the iteration is closed (from any thread). */
        synchronized void close() {
            Iterator<?> open = stream;
            stream = null;
            ended = true;
            if (open != null) {
                Producer.close(open, -1);
            }
        }
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
        /** Per stream: where it starts ("" at the beginning). */
        private final String[] starts;
        /** Whether the samples are prepared and written into batch slots ({@link BatchAssembly#writesIntoSlots}). */
        private final boolean slots;

        Producer(long epoch, LoaderOptions options, IterationControl control, IterableDataset<T> dataset,
                Collate<? super T, ? extends B> collate, TensorAllocator allocator, int workers, String[] starts) {
            this.epoch = epoch;
            this.starts = starts;
            this.options = options;
            this.control = control;
            this.dataset = dataset;
            this.collate = collate;
            this.allocator = allocator;
            this.slots = dataset instanceof ResumableDataset<?> && dataset instanceof SlotSamples.Streamed
                    && BatchAssembly.writesIntoSlots(dataset, collate);
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
            Iterator<?> stream = null;
            try {
                stream = open(worker);
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
            } finally {
                if (stream != null) {
                    close(stream, worker);
                }
            }
            // Always, or the caller would wait for this worker forever.
            completed.add(Outcome.end(worker));
        }

        /**
         * Stream {@code index}'s iterator: at its saved position for a resumable dataset, and its
         * samples prepared for batch slots when {@link #slots} says so.
         */
        Iterator<?> open(int index) {
            if (dataset instanceof ResumableDataset<T> resumable) {
                String start = starts[index].isEmpty() ? null : starts[index];
                return slots ? ((SlotSamples.Streamed) dataset).preparedIterator(epoch, start)
                        : resumable.iterator(epoch, start);
            }
            return dataset.iterator(epoch);
        }

        /** Closes a stream that holds resources; a failure to close is logged, the stream being done. */
        static void close(Iterator<?> stream, int worker) {
            if (stream instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing the dataset's stream of {} failed", worker < 0 ? "the caller's thread"
                            : "worker " + worker, e);
                }
            }
        }

        /** The next batch of {@code stream}, a failure, or null at its end (or a short end under drop_last). */
        Outcome<B> nextBatch(Iterator<?> stream, long number, int worker) {
            BatchCollector<Object, B> batch = collector();
            int count = 0;
            String position = null;
            try {
                while (count < options.batchSize() && stream.hasNext()) {
                    Object sample = stream.next();
                    if (sample == null) {
                        throw new NullPointerException(dataset.getClass().getName() + "'s iterator returned null");
                    }
                    try {
                        batch.accept(count, sample);
                    } catch (RuntimeException | Error e) {
                        batch.abandon();
                        return collateFailure(number, worker, e);
                    }
                    count++;
                }
                if (stream instanceof ResumableDataset.PositionedIterator<?> positioned) {
                    position = positioned.position();
                }
            } catch (RuntimeException | Error e) {
                batch.abandon();
                return Outcome.streamFailure(number, worker, streamFailure(worker, e, count));
            }
            List<SkippedSample> skipped = stream instanceof SkippingStream skipping ? skipping.takeSkipped().stream()
                    .map(skip -> new SkippedSample(-1, skip.source(), skip.reason())).toList() : List.of();
            if (count == 0 || (options.dropLast() && count < options.batchSize())) {
                batch.abandon();
                // The stream's end; what it skipped on the way is still counted.
                return skipped.isEmpty() ? null : Outcome.streamedSkips(number, worker, skipped, position);
            }
            try {
                B made = batch.finish();
                if (made == null) {
                    throw new NullPointerException(collate.getClass().getName() + ".collate returned null");
                }
                return Outcome.streamed(number, worker, made, count, position, skipped);
            } catch (RuntimeException | Error e) {
                return collateFailure(number, worker, e);
            }
        }

        /**
         * Where one batch's samples go: written into the batch's slots as they are read (the
         * {@link SlotSamples.Streamed} route), or listed for the collate function.
         */
        @SuppressWarnings("unchecked")
        private BatchCollector<Object, B> collector() {
            BatchCollector<?, B> collector = slots ? new BatchCollector.Slotted<B>(allocator, options.batchSize())
                    : new BatchCollector.Listed<T, B>(collate, allocator, Math.min(options.batchSize(), 1 << 10));
            // The stream's samples are of the collector's type: prepared ones exactly when slots is set.
            return (BatchCollector<Object, B>) collector;
        }

        private Outcome<B> collateFailure(long number, int worker, Throwable e) {
            return Outcome.streamFailure(number, worker, new LoaderException("collate failed for batch " + number
                    + " of " + where(worker) + ": " + LoaderException.reasonOf(e), e));
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
