package dev.sluice.api;

import java.util.Set;
import java.util.TreeSet;

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
    /** For an unknown option: the options its reader knows; empty otherwise. */
    private final Set<String> known;

    /**
     * @param keyPath the full key path, e.g. {@code "transforms[1].resize.size"}
     * @param reason what is wrong
     */
    public OptionsException(String keyPath, String reason) {
        this(keyPath, reason, Set.of());
    }

    private OptionsException(String keyPath, String reason, Set<String> known) {
        super(keyPath + ": " + reason);
        this.keyPath = keyPath;
        this.reason = reason;
        this.known = Set.copyOf(known);
    }

    /**
     * An option nobody reads: the message lists {@code known} and suggests the closest, and
     * {@link #known()} keeps them, so that whoever passed the options on can add its own.
     */
    public static OptionsException unknown(String keyPath, Set<String> known) {
        String key = keyPath.substring(keyPath.lastIndexOf('.') + 1);
        String suggestion = Suggestions.closest(key, known).map(s -> " Did you mean '" + s + "'?").orElse("");
        return new OptionsException(keyPath, "unknown option; known: " + String.join(", ", new TreeSet<>(known)) + "."
                + suggestion, known);
    }

    /** The full key path of the option at fault. */
    public String keyPath() {
        return keyPath;
    }

    /** What is wrong, without the key path. */
    public String reason() {
        return reason;
    }

    /** For an unknown option ({@link #unknown}): the options its reader knows; otherwise empty. */
    public Set<String> known() {
        return known;
    }
}
