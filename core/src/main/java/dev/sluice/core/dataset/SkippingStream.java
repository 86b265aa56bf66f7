package dev.sluice.core.dataset;

import java.util.List;

/**
 * A stream of an iterable dataset that steps over samples that fail to load, as
 * {@code on_error: skip} asks, and says which: after each batch the loader takes what was skipped
 * while it was read, and counts and reports it as it does a map-style dataset's skipped samples
 * (the epoch report's {@code skipped}).
 */
public interface SkippingStream {

    /** What was skipped since the last call, in order; each skip is returned once. */
    List<Skip> takeSkipped();

    /**
     * One sample (or the rest of a source, such as a shard) left out.
     *
     * @param source where it comes from, such as a shard and member
     * @param reason why it could not be read
     */
    record Skip(String source, String reason) {
    }

    /**
     * An iterable dataset whose streams skip failures ({@link SkippingStream}). A loader accepts
     * {@code on_error: skip} over an iterable dataset only when it is one of these and
     * {@link #skipsFailures()} says so: the loader cannot step over a failed sample of a stream
     * itself.
     */
    interface Source {

        /** Whether the streams skip (and report) samples that fail, instead of ending with the failure. */
        boolean skipsFailures();
    }
}
