package dev.sluice.core.plugin;

import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.PluginProvider;

/**
 * One provider found on the class path, as {@code sluice plugins} lists it.
 *
 * @param kind what it provides
 * @param id the word configuration uses for it
 * @param priority its rank under {@code auto}
 * @param availability whether it works here, and if not, why
 * @param className the provider class
 * @param location the jar or folder the class was loaded from, or {@code "unknown"}
 * @param provider the provider itself
 */
public record PluginInfo(PluginKind kind, String id, int priority, Availability availability, String className,
        String location, PluginProvider provider) {

    /** {@code decoder opencv (priority 200, available) from sluice-plugins-opencv.jar}. */
    @Override
    public String toString() {
        return kind.noun() + " " + id + " (priority " + priority + ", "
                + (availability.available() ? "available" : "unavailable: " + availability.reason()) + ") "
                + className + " from " + location;
    }
}
