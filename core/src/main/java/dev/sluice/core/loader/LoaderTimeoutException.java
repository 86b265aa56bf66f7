package dev.sluice.core.loader;

/**
 * No batch arrived within the loader's {@code timeout}:
 * {@code "DataLoader timed out after 2.0 seconds waiting for batch 5 of epoch 0"}.
 */
public final class LoaderTimeoutException extends LoaderException {
    private static final long serialVersionUID = 1L;

    /** @param message the batch, the epoch and the seconds waited */
    LoaderTimeoutException(String message) {
        super(message, null);
    }
}
