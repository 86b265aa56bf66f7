package dev.sluice.core.wiring;

import dev.sluice.api.spi.MessageValues;

/**
 * A configuration is wrong: a key has a bad value, is unknown, or is missing; a file it names does
 * not exist; or the YAML itself is malformed. The message names the file, the key path and the
 * line: {@code "sluice.yaml: loader.batch_size: must be >= 1 (line 12)"}.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The key path at fault, such as {@code "loader.batch_size"}; empty for the whole file. */
    private final String keyPath;
    /** The 1-based line, or 0 when unknown. */
    private final int line;

    /**
     * @param source the file name, or {@code "<string>"}
     * @param keyPath the key path at fault; empty for the file as a whole
     * @param reason what is wrong
     * @param line the 1-based line, or 0 when unknown
     * @param cause the underlying failure, or null
     */
    public ConfigException(String source, String keyPath, String reason, int line, Throwable cause) {
        super(MessageValues.shorten(source) + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + reason + (line > 0 ? " (line " + line + ")" : ""),
                cause);
        this.keyPath = keyPath;
        this.line = line;
    }

    /** The key path at fault, such as {@code "loader.batch_size"}; empty for the file as a whole. */
    public String keyPath() {
        return keyPath;
    }

    /** The 1-based line of the key at fault, or 0 when unknown. */
    public int line() {
        return line;
    }
}
