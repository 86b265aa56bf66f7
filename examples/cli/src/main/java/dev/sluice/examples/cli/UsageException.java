package dev.sluice.examples.cli;

/** The command line is wrong: an unknown command or option, a missing or malformed argument. Exit status 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
