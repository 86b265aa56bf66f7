package dev.sluice.core.plugin;

/**
 * Plugins are missing, clash, cannot load, or the configuration names one that is not there or
 * cannot work here. The message says which kind, which ids, which classes and jars, and what to do.
 */
public class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public PluginException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
