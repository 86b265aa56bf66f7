package dev.sluice.core.dataset;

/**
 * A sample could not be loaded: its file is missing or cannot be decoded, or its transform refused
 * it. The message is {@code "sample <index> (<source>): <reason>"}, the cause attached, so that the
 * failure is reported where it happened and not far away as a missing value (the seed recipe's
 * defect).
 */
public class SampleLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The dataset index of the sample. */
    private final long index;
    /** Where the sample comes from, e.g. its image path. */
    private final String source;

    /**
     * @param index the dataset index of the sample
     * @param source where the sample comes from, e.g. its image path
     * @param reason why it could not be loaded
     * @param cause the underlying failure, or null
     */
    public SampleLoadException(long index, String source, String reason, Throwable cause) {
        super("sample " + index + " (" + source + "): " + reason, cause);
        this.index = index;
        this.source = source;
    }

    /** The dataset index of the sample. */
    public long index() {
        return index;
    }

    /** Where the sample comes from, e.g. its image path. */
    public String source() {
        return source;
    }
}
