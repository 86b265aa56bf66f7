package dev.sluice.core.dataset;

/**
 * What a {@link dev.sluice.core.loader.DataLoader} or a shard stream does when a sample fails to load
 * (the {@code on_error} option).
 */
public enum ErrorPolicy {
    /** The caller of {@code next()} gets a {@link SampleLoadException}; the default. */
    RAISE,
    /**
     * The sample is left out of its batch, counted, and reported in the {@link dev.sluice.core.loader.EpochReport} and in a
     * warning at the end of the epoch. A batch whose samples all failed is left out. Errors
     * ({@link Error}, such as {@link OutOfMemoryError}) are always raised.
     */
    SKIP
}
