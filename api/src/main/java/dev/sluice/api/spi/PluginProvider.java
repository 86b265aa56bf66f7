package dev.sluice.api.spi;

/**
 * What every provider kind shares: a stable id, a priority for {@code auto} selection, and an
 * availability check. Core discovers providers with {@link java.util.ServiceLoader} and calls these
 * methods at start-up, on one thread.
 *
 * <p>Constructing a provider is cheap and cannot fail; native loading and file access happen in
 * {@link #availability()} or in the kind's {@code create} method.
 */
public interface PluginProvider {

    /**
     * The word users write in configuration: lower case, unique within its kind, stable forever.
     * Built-in ids ({@code opencv}, {@code imageio}, {@code txt}, {@code csv}, {@code folder}, the
     * transform names) are reserved; third parties prefix their own name ({@code acme-jpeg}).
     */
    String id();

    /**
     * Larger wins when the configuration says {@code auto}; ties go to the alphabetically first id.
     * Built-ins use 100 (pure Java) and 200 (native). An id named in the configuration always beats
     * priority.
     */
    int priority();

    /**
     * Whether this provider can work on this machine, and if not, why. Called once at discovery; may
     * load native code. The default says available.
     */
    default Availability availability() {
        return Availability.AVAILABLE;
    }

    /**
     * What this provider runs on this machine, in a few words for {@code sluice plugins}, such as
     * {@code "system libturbojpeg.so.0 through JNA"}; empty when there is nothing to add to the id.
     * Called after {@link #availability()} said available, on one thread. The default is empty.
     */
    default String backend() {
        return "";
    }
}
