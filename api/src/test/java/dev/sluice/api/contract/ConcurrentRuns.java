package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/** Runs the same tasks on several threads at once and compares every result with a single-threaded run. */
final class ConcurrentRuns {
    static final int THREADS = 4;
    private static final int ROUNDS = 6;
    // Not a timing assertion: a guard that turns a deadlock into a failure instead of a hung build.
    private static final Duration DEADLOCK_GUARD = Duration.ofMinutes(2);

    private ConcurrentRuns() {
    }

    record Task<R>(String name, Callable<R> work) {
    }

    /**
     * Runs each task once on the calling thread, then every task {@code ROUNDS} times on each of
     * {@link #THREADS} threads released together, each thread starting at another task. Fails naming
     * every task that gave another result ({@link Objects#deepEquals}) or threw on a thread.
     */
    static <R> void assertSameResultsOnThreads(List<Task<R>> tasks) throws Exception {
        assertSameResultsOnThreads(tasks, Objects::deepEquals);
    }

    // Like assertSameResultsOnThreads(), comparing results with same.
    static <R> void assertSameResultsOnThreads(List<Task<R>> tasks, BiPredicate<R, R> same) throws Exception {
        List<R> expected = new ArrayList<>();
        for (Task<R> task : tasks) {
            expected.add(task.work().call());
        }
        List<String> problems = assertTimeoutPreemptively(DEADLOCK_GUARD, () -> runTogether(tasks, expected, same));
        assertTrue(problems.isEmpty(), () -> problems.size()
                + " concurrent runs differed from the single-threaded one: " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }

    private static <R> List<String> runTogether(List<Task<R>> tasks, List<R> expected, BiPredicate<R, R> same)
            throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS,
                work -> new Thread(work, "contract-worker-" + threadNumber.getAndIncrement()));
        List<String> problems = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> found = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < tasks.size(); i++) {
                            int k = (i + offset) % tasks.size();
                            compare(tasks.get(k), expected.get(k), same, found);
                        }
                    }
                    return found;
                }));
            }
            start.countDown();
            for (Future<List<String>> future : futures) {
                problems.addAll(future.get());
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "the contract's worker threads did not stop");
        }
        return problems;
    }

    private static <R> void compare(Task<R> task, R expected, BiPredicate<R, R> same, List<String> found) {
        String thread = Thread.currentThread().getName();
        try {
            R actual = task.work().call();
            if (!same.test(expected, actual)) {
                found.add(task.name() + " on " + thread + " gave " + actual + " instead of " + expected);
            }
        } catch (Exception e) {
            found.add(task.name() + " on " + thread + " threw " + e);
        }
    }
}
