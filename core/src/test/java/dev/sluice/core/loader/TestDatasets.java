package dev.sluice.core.loader;

import dev.sluice.api.Collate;
import dev.sluice.api.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.random.RandomGenerator;

/** Small datasets and collates for the loader's tests. */
final class TestDatasets {
    private TestDatasets() {
    }

    /** Collates samples into a plain list, so tests see exactly which samples each batch holds. */
    static <T> Collate<T, List<T>> toList() {
        return (samples, allocator) -> new ArrayList<>(samples);
    }

    /** Sample i is i. */
    static Dataset<Long> range(long size) {
        return new Dataset<>() {
            @Override
            public Long get(long index) {
                if (index < 0 || index >= size) {
                    throw new IndexOutOfBoundsException("index " + index + " outside [0, " + size + ")");
                }
                return index;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public Optional<String> describe(long index) {
                return Optional.of("item-" + index + ".jpg");
            }
        };
    }

    /** Sample i is (i, a number drawn from the random source the loader hands in): an "augmentation". */
    static Dataset<long[]> augmented(long size) {
        return new Dataset<>() {
            @Override
            public long[] get(long index) {
                throw new AssertionError("the loader must call get(index, random)");
            }

            @Override
            public long[] get(long index, RandomGenerator random) {
                return new long[] {index, random.nextLong()};
            }

            @Override
            public long size() {
                return size;
            }
        };
    }

    /** A dataset whose sample {@code failing} throws; the others are their index. */
    static Dataset<Long> failingAt(long size, long failing, RuntimeException failure) {
        Dataset<Long> base = range(size);
        return new Dataset<>() {
            @Override
            public Long get(long index) {
                if (index == failing) {
                    throw failure;
                }
                return base.get(index);
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public Optional<String> describe(long index) {
                return base.describe(index);
            }
        };
    }

    /** Sample i is i; reading an index that {@code sleeps} accepts first sleeps {@code millis}, interruptibly. */
    static Dataset<Long> sleeping(long size, LongPredicate sleeps, long millis) {
        Dataset<Long> base = range(size);
        return new Dataset<>() {
            @Override
            public Long get(long index) {
                if (sleeps.test(index)) {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                return base.get(index);
            }

            @Override
            public long size() {
                return size;
            }
        };
    }

    /** Sample i is i, read in endless passes. */
    static Dataset<Long> endless(long size) {
        Dataset<Long> base = range(size);
        return new Dataset<>() {
            @Override
            public Long get(long index) {
                return base.get(index);
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public boolean isEndless() {
                return true;
            }
        };
    }

    /** Every sample of every batch, flattened in delivery order. */
    static <T> List<T> flatten(Iterable<List<T>> batches) {
        List<T> all = new ArrayList<>();
        for (List<T> batch : batches) {
            all.addAll(batch);
        }
        return all;
    }
}
