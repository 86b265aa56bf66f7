package dev.sluice.core.loader;

/** What a {@link DataLoader} does when a sample fails to load (the {@code on_error} option). */
public enum ErrorPolicy {
    /** The caller of {@code next()} gets a {@link dev.sluice.core.dataset.SampleLoadException}; the default. */
    RAISE,
    /**
     * The sample is left out of its batch, counted, and reported in the {@link EpochReport} and in a
     * warning at the end of the epoch. A batch whose samples all failed is left out. Errors
     * ({@link Error}, such as {@link OutOfMemoryError}) are always raised.
     */
    SKIP
}
