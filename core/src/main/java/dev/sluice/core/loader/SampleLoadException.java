package dev.sluice.core.loader;

import java.util.Optional;

/**
 * One sample could not be read: {@code "sample 17 (images/cat.jpg) of epoch 0, batch 2: <reason>"},
 * with the dataset's own exception as the cause.
 */
public class SampleLoadException extends LoaderException {
    private static final long serialVersionUID = 1L;

    /** The dataset index of the sample. */
    private final long index;
    /** Where the sample comes from (a path), when the dataset says. */
    private final String source;

    /**
     * @param index the dataset index
     * @param source where the sample comes from, or null when the dataset does not say
     * @param where the epoch and batch, e.g. {@code "epoch 0, batch 2"}
     * @param cause the dataset's exception
     */
    public SampleLoadException(long index, String source, String where, Throwable cause) {
        super("sample " + index + (source == null ? "" : " (" + source + ")") + " of " + where + ": "
                + describe(cause), cause);
        this.index = index;
        this.source = source;
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }

    /** The dataset index of the sample that failed. */
    public long index() {
        return index;
    }

    /** Where the sample comes from (a file path), when the dataset says. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }
}
