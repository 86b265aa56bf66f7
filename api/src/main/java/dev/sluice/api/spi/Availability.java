package dev.sluice.api.spi;

/**
 * Whether a provider can work here, with the reason when it cannot
 * ({@code "libopencv_java490.so did not load: ..."}).
 *
 * @param available true when the provider can create instances
 * @param reason why it is unavailable; empty when available
 */
public record Availability(boolean available, String reason) {

    /** The provider works. */
    public static final Availability AVAILABLE = new Availability(true, "");

    /** @throws IllegalArgumentException if an unavailable provider gives no reason, or an available one gives one */
    public Availability {
        if (reason == null) {
            throw new IllegalArgumentException("reason must not be null");
        }
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable provider must say why");
        }
        if (available && !reason.isEmpty()) {
            throw new IllegalArgumentException("an available provider has no reason, was '" + reason + "'");
        }
    }

    /** The provider cannot work, because of {@code reason}. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
