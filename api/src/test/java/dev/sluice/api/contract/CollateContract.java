package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.api.Collate;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The properties every {@link Collate} must have, whatever it builds. A collate's test extends this
 * class, says how to make the collate and which batches of samples to feed it, and inherits the
 * checks; tests of what is special about that collate go in the same class.
 *
 * <pre>{@code
 * class PairCollateTest extends CollateContract<float[], Tensor> {
 *     protected Collate<float[], Tensor> createCollate() { return new PairCollate(); }
 *     protected List<List<float[]>> sampleBatches() {
 *         return List.of(List.of(new float[] {1, 2}),
 *                        List.of(new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6}));
 *     }
 * }
 * }</pre>
 *
 * <p>The checks: a batch of N samples gives N along the first axis of every tensor it makes; the same
 * samples give equal batches; every tensor's memory is a whole buffer from the allocator passed in
 * (so a pooling loader can take it back with {@link Tensor#releaseTo}); concurrent calls from several
 * threads give the same batches as one thread; the samples are not modified; and batches the collate
 * cannot handle are refused with {@link IllegalArgumentException}.
 *
 * @param <T> the sample type
 * @param <B> the batch type
 */
public abstract class CollateContract<T, B> {
    private static final int THREADS = 4;
    private static final int ROUNDS = 20;

    /** Makes the collate under test. Called once or more per test. */
    protected abstract Collate<T, B> createCollate();

    /**
     * Batches the collate accepts, each not empty, in batch order. Include a batch of one sample and
     * one of several, and samples that differ from one another. Every call must return new batches
     * equal to those of the previous call (the contract compares one call's samples, after
     * collating them, with another's).
     */
    protected abstract List<List<T>> sampleBatches();

    /**
     * Batches the collate must refuse with an {@link IllegalArgumentException}, such as samples of
     * unequal shape. The default is none.
     */
    protected List<List<T>> invalidBatches() {
        return List.of();
    }

    /**
     * The tensors of {@code batch} that hold one row per sample along their first axis. The default
     * finds every tensor inside the batch: the batch itself, the values of maps, the elements of
     * collections and arrays, and the components of records, recursively. Override it if a collate
     * makes tensors that are not batched along the first axis.
     */
    protected List<Tensor> batchTensors(B batch) {
        List<Tensor> found = new ArrayList<>();
        BatchStructures.collectTensors(batch, found);
        return found;
    }

    /** The hook gives usable batches: not empty, and equal from call to call. */
    @Test
    public void sampleBatchesAreNotEmptyAndRepeatable() {
        List<List<T>> batches = sampleBatches();
        assertFalse(batches.isEmpty(), "sampleBatches() returned no batch");
        for (int k = 0; k < batches.size(); k++) {
            assertFalse(batches.get(k).isEmpty(), "sampleBatches() batch " + k + " is empty");
        }
        assertTrue(BatchStructures.deepEquals(batches, sampleBatches()),
                "sampleBatches() must return equal batches on every call");
    }

    /** A batch of N samples has N rows in every tensor it makes. */
    @Test
    public void batchOfNSamplesHasNAlongTheBatchAxis() {
        Collate<T, B> collate = createCollate();
        for (List<T> samples : sampleBatches()) {
            B batch = collate.collate(Collections.unmodifiableList(samples), TensorAllocator.heap());
            assertNotNull(batch, "collate returned null for " + samples.size() + " samples");
            for (Tensor tensor : batchTensors(batch)) {
                assertTrue(tensor.rank() >= 1, "a batch of " + samples.size() + " samples holds the scalar " + tensor);
                assertEquals(samples.size(), tensor.dim(0),
                        "batch axis of " + tensor + " for a batch of " + samples.size() + " samples");
            }
        }
    }

    /** Collating the same samples twice gives equal batches. */
    @Test
    public void collatingTheSameSamplesTwiceGivesEqualBatches() {
        Collate<T, B> collate = createCollate();
        for (List<T> samples : sampleBatches()) {
            B first = collate.collate(Collections.unmodifiableList(samples), TensorAllocator.heap());
            B second = createCollate().collate(Collections.unmodifiableList(samples), TensorAllocator.heap());
            assertTrue(BatchStructures.deepEquals(first, second),
                    "two collations of the same " + samples.size() + " samples differ: " + first + " and " + second);
        }
    }

    /** Every tensor of a batch is a whole buffer handed out by the allocator given to that call. */
    @Test
    public void tensorsAreWholeBuffersFromTheGivenAllocator() {
        Collate<T, B> collate = createCollate();
        for (boolean direct : new boolean[] {false, true}) {
            for (List<T> samples : sampleBatches()) {
                RecordingAllocator allocator = new RecordingAllocator(direct);
                B batch = collate.collate(Collections.unmodifiableList(samples), allocator);
                List<Tensor> tensors = batchTensors(batch);
                for (Tensor tensor : tensors) {
                    assertEquals(direct, tensor.isDirect(), tensor + " from a " + (direct ? "direct" : "heap") + " allocator");
                    int before = allocator.recycledFromHere();
                    tensor.releaseTo(allocator);
                    assertEquals(before + 1, allocator.recycledFromHere(), tensor + " is not a whole buffer handed out"
                            + " by the allocator given to collate (a copy, a slice of one, or memory of its own)");
                }
                assertTrue(allocator.allocations() >= (tensors.isEmpty() ? 0 : 1),
                        "the batch holds tensors, but the allocator was never asked for memory");
            }
        }
    }

    /** Calls from several threads at once give the batches one thread gives. */
    @Test
    public void concurrentCallsGiveTheSameBatchesAsOneThread() throws Exception {
        Collate<T, B> collate = createCollate();
        List<List<T>> batches = sampleBatches();
        List<B> expected = new ArrayList<>();
        for (List<T> samples : batches) {
            expected.add(collate.collate(Collections.unmodifiableList(samples), TensorAllocator.heap()));
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS,
                task -> new Thread(task, "collate-contract-" + threadNumber.getAndIncrement()));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        for (int round = 0; round < ROUNDS; round++) {
                            for (int k = 0; k < batches.size(); k++) {
                                B got = collate.collate(Collections.unmodifiableList(batches.get(k)), TensorAllocator.heap());
                                if (!BatchStructures.deepEquals(expected.get(k), got)) {
                                    return "round " + round + ", batch " + k + ": " + got + " instead of " + expected.get(k);
                                }
                            }
                        }
                        return "";
                    }));
                }
                start.countDown();
                for (Future<String> result : results) {
                    String mismatch = result.get();
                    if (!mismatch.isEmpty()) {
                        fail("concurrent collation differs from single-threaded: " + mismatch);
                    }
                }
            });
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "collate-contract threads still alive");
        }
    }

    /** Collating leaves the samples as they were. */
    @Test
    public void collatingDoesNotModifyTheSamples() {
        Collate<T, B> collate = createCollate();
        List<List<T>> used = sampleBatches();
        List<List<T>> pristine = sampleBatches();
        for (int k = 0; k < used.size(); k++) {
            collate.collate(Collections.unmodifiableList(used.get(k)), TensorAllocator.heap());
            assertTrue(BatchStructures.deepEquals(pristine.get(k), used.get(k)),
                    "collate modified the samples of batch " + k + ": " + used.get(k));
        }
    }

    /** Batches it cannot handle are refused with an IllegalArgumentException that says something. */
    @Test
    public void invalidBatchesAreRefusedWithIllegalArgumentException() {
        Collate<T, B> collate = createCollate();
        for (List<T> samples : invalidBatches()) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> collate.collate(Collections.unmodifiableList(samples), TensorAllocator.heap()),
                    "collate accepted the invalid batch " + samples);
            assertNotNull(refusal.getMessage(), "a refusal without a message");
            assertFalse(refusal.getMessage().isBlank(), "a refusal with a blank message");
        }
    }

    /** Hands out fresh buffers and counts those of its own that come back through recycle. */
    private static final class RecordingAllocator implements TensorAllocator {
        private final boolean direct;
        private final Set<ByteBuffer> handedOut = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        private final AtomicInteger allocations = new AtomicInteger();
        private final AtomicInteger recycledFromHere = new AtomicInteger();

        RecordingAllocator(boolean direct) {
            this.direct = direct;
        }

        @Override
        public ByteBuffer allocate(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
            }
            ByteBuffer buffer = (direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes))
                    .order(ByteOrder.LITTLE_ENDIAN);
            handedOut.add(buffer);
            allocations.incrementAndGet();
            return buffer;
        }

        // Identity, not ByteBuffer.equals (which compares contents); each buffer counts once.
        @Override
        public void recycle(ByteBuffer buffer) {
            if (handedOut.remove(buffer)) {
                recycledFromHere.incrementAndGet();
            }
        }

        int allocations() {
            return allocations.get();
        }

        int recycledFromHere() {
            return recycledFromHere.get();
        }
    }
}
