package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Checks on the loader's threads. */
final class Threads {
    private Threads() {
    }

    /** Names of the live threads whose names start with {@code sluice-worker}. */
    static List<String> liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("sluice-worker"))
                .sorted()
                .collect(Collectors.toList());
    }

    /** Fails unless every worker thread has ended within {@code millis}. */
    static void assertNoWorkersWithin(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        List<String> alive = liveWorkers();
        while (!alive.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = liveWorkers();
        }
        if (!alive.isEmpty()) {
            fail("worker threads still alive after " + millis + " ms: " + alive);
        }
    }
}
