package dev.sluice.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an executor builds once per configuration and reuses for every partition it runs: plugin
 * discovery and pipeline assembly are far slower than one image. Keyed by the configuration text,
 * so tasks of one job share, and jobs with other configurations do not.
 */
final class ExecutorCache {
    private static final Map<Object, Object> BUILT = new ConcurrentHashMap<>();

    private ExecutorCache() {
    }

    @SuppressWarnings("unchecked")
    static <K, V> V get(K key, Function<K, V> build) {
        return (V) BUILT.computeIfAbsent(key, k -> build.apply((K) k));
    }
}
