package dev.sluice.core.dataset;

import dev.sluice.api.spi.MessageValues;
import java.util.Optional;

/**
 * A sample could not be loaded: its file is missing or cannot be decoded, its transform refused it,
 * or the dataset failed otherwise. The message is {@code "sample <index> (<source>): <reason>"}, the
 * source cut to {@link MessageValues#LIMIT} characters;
 * a loader adds where it was, {@code "sample 17 (images/cat.jpg) of epoch 0, batch 2: <reason>"}.
 * The original failure is the cause, so that it is reported where it happened and not far away as a
 * missing value (the seed recipe's defect).
 */
public class SampleLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The dataset index of the sample. */
    private final long index;
    /** Where the sample comes from (an image path), or null when the dataset does not say. */
    private final String source;
    /** Why it could not be loaded, without index or source. */
    private final String reason;

    /**
     * @param index the dataset index of the sample
     * @param source where the sample comes from, e.g. its image path; null when unknown
     * @param reason why it could not be loaded
     * @param cause the underlying failure, or null
     */
    public SampleLoadException(long index, String source, String reason, Throwable cause) {
        this(index, source, reason, null, cause);
    }

    private SampleLoadException(long index, String source, String reason, String where, Throwable cause) {
        super("sample " + index + (source == null ? "" : " (" + MessageValues.shorten(source) + ")") + (where == null ? "" : " of " + where)
                + ": " + reason, cause);
        this.index = index;
        this.source = source;
        this.reason = reason;
    }

    /**
     * The same failure, placed in a loader's iteration: {@code where} is for example
     * {@code "epoch 0, batch 2"}. The cause and stack trace are kept.
     */
    public SampleLoadException during(String where) {
        SampleLoadException placed = new SampleLoadException(index, source, reason, where, getCause());
        placed.setStackTrace(getStackTrace());
        return placed;
    }

    /** The dataset index of the sample. */
    public long index() {
        return index;
    }

    /** Where the sample comes from (an image path), when the dataset says. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** Why it could not be loaded, without index or source. */
    public String reason() {
        return reason;
    }
}
