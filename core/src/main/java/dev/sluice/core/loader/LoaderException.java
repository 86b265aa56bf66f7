package dev.sluice.core.loader;

/**
 * A {@link DataLoader} could not deliver a batch: a sample failed, the collate function failed, a
 * worker's init function failed, or a wait timed out. The message names the batch, the epoch and,
 * where one is at fault, the sample index and its source; the original failure is the cause.
 */
public class LoaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where
     * @param cause the original failure, or null
     */
    LoaderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure's message for people, or its class name when it has none (or cannot give one). */
    static String reasonOf(Throwable failure) {
        String message;
        try {
            message = failure.getMessage();
        } catch (RuntimeException broken) {
            message = null;
        }
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
