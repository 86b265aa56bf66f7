package dev.sluice.core.yaml;

/**
 * YAML or JSON text that would take more than {@link BoundedYaml} allows to read: nested too deep,
 * an alias inside the collection it names, or aliases that expand to too many values. The message
 * says which, and the limit, in one line; {@link #line()} says where.
 */
public final class YamlLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    YamlLimitException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The line (from 1) where the limit was passed, or 0 when the text has no marks. */
    public int line() {
        return line;
    }
}
