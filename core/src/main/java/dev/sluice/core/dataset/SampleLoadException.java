package dev.sluice.core.dataset;

import dev.sluice.api.spi.MessageValues;
import java.util.Optional;

/**
 * A sample could not be loaded: its file is missing or cannot be decoded, its transform refused it,
 * or the dataset failed otherwise. The message is {@code "sample <index> (<source>): <reason>"}, the
 * source cut to {@link MessageValues#LIMIT} characters, with the label file's line where the sample
 * is listed when the dataset knows it ({@code "sample 17 (images/cat.jpg, train.txt:18): no such file"});
 * a loader adds where it was, {@code "sample 17 (images/cat.jpg, train.txt:18) of epoch 0, batch 2: <reason>"}.
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
    /** Where the sample is listed, e.g. {@code "train.txt:18"}, or null. */
    private final String origin;

    /**
     * @param index the dataset index of the sample
     * @param source where the sample comes from, e.g. its image path; null when unknown
     * @param reason why it could not be loaded
     * @param cause the underlying failure, or null
     */
    public SampleLoadException(long index, String source, String reason, Throwable cause) {
        this(index, source, null, reason, null, cause);
    }

    /**
     * @param index the dataset index of the sample
     * @param source where the sample comes from, e.g. its image path; null when unknown
     * @param origin where the sample is listed, e.g. {@code "train.txt:18"}; null when unknown
     * @param reason why it could not be loaded
     * @param cause the underlying failure, or null
     */
    public SampleLoadException(long index, String source, String origin, String reason, Throwable cause) {
        this(index, source, origin, reason, null, cause);
    }

    private SampleLoadException(long index, String source, String origin, String reason, String where, Throwable cause) {
        super("sample " + index + describe(source, origin) + (where == null ? "" : " of " + where) + ": " + reason, cause);
        this.index = index;
        this.source = source;
        this.origin = origin;
        this.reason = reason;
    }

    private static String describe(String source, String origin) {
        if (source == null && origin == null) {
            return "";
        }
        String shortened = source == null ? null : MessageValues.shorten(source);
        return " (" + (shortened == null ? origin : origin == null ? shortened : shortened + ", " + origin) + ")";
    }

    /**
     * The same failure, placed in a loader's iteration: {@code where} is for example
     * {@code "epoch 0, batch 2"}. The cause and stack trace are kept.
     */
    public SampleLoadException during(String where) {
        SampleLoadException placed = new SampleLoadException(index, source, origin, reason, where, getCause());
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

    /** Where the sample is listed, e.g. {@code "train.txt:18"}, when the dataset says. */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /** Why it could not be loaded, without index or source. */
    public String reason() {
        return reason;
    }
}
