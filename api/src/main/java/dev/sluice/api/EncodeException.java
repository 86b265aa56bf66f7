package dev.sluice.api;

import java.io.IOException;

/** An image could not be encoded or written; the message names the target and the reason. */
public class EncodeException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message {@code "<target>: <reason>"}
     * @param cause the codec's or file system's exception, or null
     */
    public EncodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
