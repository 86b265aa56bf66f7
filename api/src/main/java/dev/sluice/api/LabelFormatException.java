package dev.sluice.api;

import java.io.IOException;

/**
 * A label source is unusable: one or more bad lines (each named by file:line with its text and the
 * reason), paths that leave the image root, or a source with nothing to read.
 */
public class LabelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where, one problem per line */
    public LabelFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public LabelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
