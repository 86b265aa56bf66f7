package dev.sluice.api;

import dev.sluice.api.spi.MessageValues;
import java.io.IOException;

/**
 * An image could not be decoded. The message is {@code "<source>: <reason>"}, where the source is
 * a file path or {@code "<bytes>"} for data from memory, cut to {@link MessageValues#LIMIT}
 * characters in the message ({@link #source()} keeps it whole). No message quotes the data itself.
 */
public class DecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What was being decoded: a file path, or {@code "<bytes>"}. */
    private final String source;
    /** Why it failed, without the source. */
    private final String reason;

    /**
     * @param source a file path or {@code "<bytes>"}
     * @param reason why decoding failed, e.g. {@code "truncated JPEG data"}
     * @param cause the codec's own exception, or null
     */
    public DecodeException(String source, String reason, Throwable cause) {
        super(MessageValues.shorten(source) + ": " + reason, cause);
        this.source = source;
        this.reason = reason;
    }

    /** Like {@link #DecodeException(String, String, Throwable)} without a cause. */
    public DecodeException(String source, String reason) {
        this(source, reason, null);
    }

    /** What was being decoded: a file path, or {@code "<bytes>"}. */
    public String source() {
        return source;
    }

    /** Why it failed, without the source. */
    public String reason() {
        return reason;
    }

    /** The same failure, attributed to {@code newSource} (a decoder given bytes learns the file name late). */
    public DecodeException withSource(String newSource) {
        DecodeException renamed = new DecodeException(newSource, reason, getCause());
        renamed.setStackTrace(getStackTrace());
        return renamed;
    }
}
