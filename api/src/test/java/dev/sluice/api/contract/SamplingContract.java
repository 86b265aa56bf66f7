package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * What {@link SamplerContract} and {@link BatchSamplerContract} share: the dataset sizes and epochs
 * they check, and the run of several threads reading one sampler at once. Extended by those two
 * only; a sampler's test extends one of them.
 */
public abstract class SamplingContract {
    private static final int READER_THREADS = 4;
    private static final int READS_PER_THREAD = 60;
    private static final Duration THREAD_TEST_LIMIT = Duration.ofSeconds(60);

    SamplingContract() {
    }

    /**
     * The dataset sizes to check. The default, {@code 1, 2, 3, 10, 97}, leaves out 0 because some
     * samplers (like PyTorch's {@code RandomSampler}) refuse an empty dataset; override to add it,
     * or to check larger sizes.
     */
    protected long[] datasetSizes() {
        return new long[] {1, 2, 3, 10, 97};
    }

    /** The epochs to check; by default {@code 0, 1, 7}. */
    protected long[] epochs() {
        return new long[] {0, 1, 7};
    }

    /** One reading of a reader thread, which fails with an assertion when it is not what one thread read. */
    @FunctionalInterface
    interface Reading {
        /**
         * @param reader the reader thread's number, from 0
         * @param epoch the position in {@link #epochs()} of the epoch to read
         */
        void check(int reader, int epoch) throws Exception;
    }

    /**
     * Starts four threads named {@code threadName} and their number at once, each checking 60
     * readings of the {@code epochs} epochs in turn, starting at different epochs so that different
     * epochs overlap too; within a time limit, and failing with the first thread's failure, which
     * names {@code sampler}.
     */
    static void readAtOnce(Object sampler, int epochs, String threadName, Reading reading) {
        Throwable[] failures = new Throwable[READER_THREADS];
        CountDownLatch start = new CountDownLatch(1);
        assertTimeoutPreemptively(THREAD_TEST_LIMIT, () -> {
            Thread[] threads = new Thread[READER_THREADS];
            for (int t = 0; t < READER_THREADS; t++) {
                int reader = t;
                threads[t] = new Thread(() -> {
                    try {
                        start.await();
                        for (int round = 0; round < READS_PER_THREAD; round++) {
                            reading.check(reader, (round + reader) % epochs);
                        }
                    } catch (Throwable failure) {
                        failures[reader] = failure;
                    }
                }, threadName + t);
                threads[t].start();
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        });
        for (int t = 0; t < READER_THREADS; t++) {
            if (failures[t] != null) {
                throw new AssertionError(sampler + ": reader thread " + t + " failed", failures[t]);
            }
        }
    }
}
