package dev.sluice.examples.cli;

/** Range checks of whole-number options; picocli has converted the text, these check the value. */
final class OptionBounds {
    private OptionBounds() {
    }

    /**
     * {@code value} of {@code option}, when it is at least {@code min}.
     *
     * @throws UsageException naming the option and the value otherwise
     */
    static long atLeast(String option, long value, long min) {
        if (value < min) {
            throw new UsageException(option + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /**
     * {@code value} of {@code option}, when it lies in {@code [min, max]}.
     *
     * @throws UsageException naming the option and the value otherwise
     */
    static long within(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be from " + min + " to " + max + ", was " + value);
        }
        return value;
    }
}
