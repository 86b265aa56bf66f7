package dev.sluice.api;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A map-style dataset: a fixed number of samples, each read by its index, as PyTorch's
 * {@code torch.utils.data.Dataset}.
 *
 * <p>A loader calls {@link #get(long, RandomGenerator)} from its worker threads, several at a time,
 * so implementations must be safe for concurrent reads. Indices run from 0 to {@code size() - 1}.
 *
 * <pre>{@code
 * Dataset<Integer> squares = new Dataset<>() {
 *     public Integer get(long index) { return (int) (index * index); }
 *     public long size() { return 10; }
 * };
 * }</pre>
 */
public interface Dataset<T> {

    /**
     * Reads sample {@code index}.
     *
     * @param index in {@code [0, size())}
     * @return the sample, never null
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, size())}
     * @throws RuntimeException (any) if the sample cannot be read; the loader reports it with the
     *         index and {@link #describe(long)}
     */
    T get(long index);

    /**
     * Reads sample {@code index} using {@code random} for any random augmentation. The loader calls
     * this form, with a source derived from (seed, epoch, position of the sample in the epoch), so
     * that a sample's augmentation depends neither on thread timing nor on the number of workers.
     * Datasets that apply random transforms override it; the default ignores {@code random}.
     *
     * @param index in {@code [0, size())}
     * @param random the only source of randomness the sample may use; confined to this call
     */
    default T get(long index, RandomGenerator random) {
        return get(index);
    }

    /**
     * The number of distinct samples, {@code >= 0}. For an {@linkplain #isEndless() endless}
     * dataset it is the length of one pass over the data.
     */
    long size();

    /**
     * Where sample {@code index} comes from, for error messages: a file path, a URL, a shard member.
     * Empty when the dataset has nothing better to say than the index.
     */
    default Optional<String> describe(long index) {
        return Optional.empty();
    }

    /**
     * Whether a loader should read this dataset without end: pass after pass over its
     * {@link #size()} samples, each pass sampled afresh, with no length (the seed recipe's
     * {@code repeat=None}). Default false.
     */
    default boolean isEndless() {
        return false;
    }
}
