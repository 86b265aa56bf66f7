package dev.sluice.api;

/**
 * An option has a wrong value or is unknown. The message is {@code "<key path>: <reason>"}, e.g.
 * {@code "loader.batch_size: must be a whole number, was 'seven'"}.
 */
public class OptionsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The full key path of the option at fault. */
    private final String keyPath;
    /** What is wrong, without the key path. */
    private final String reason;

    /**
     * @param keyPath the full key path, e.g. {@code "transforms[1].resize.size"}
     * @param reason what is wrong
     */
    public OptionsException(String keyPath, String reason) {
        super(keyPath + ": " + reason);
        this.keyPath = keyPath;
        this.reason = reason;
    }

    /** The full key path of the option at fault. */
    public String keyPath() {
        return keyPath;
    }

    /** What is wrong, without the key path. */
    public String reason() {
        return reason;
    }
}
