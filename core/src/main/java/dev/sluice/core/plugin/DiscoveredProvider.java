package dev.sluice.core.plugin;

import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.PluginProvider;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * A provider found by {@link java.util.ServiceLoader}, with where it came from. Its availability is
 * asked once, when first needed, since a native backend loads its library to answer.
 */
final class DiscoveredProvider {
    private final PluginKind kind;
    private final PluginProvider provider;
    private final String id;
    private final int priority;
    private Availability availability;

    DiscoveredProvider(PluginKind kind, PluginProvider provider, String id, int priority) {
        this.kind = kind;
        this.provider = provider;
        this.id = id;
        this.priority = priority;
    }

    PluginKind kind() {
        return kind;
    }

    PluginProvider provider() {
        return provider;
    }

    String id() {
        return id;
    }

    int priority() {
        return priority;
    }

    String className() {
        return provider.getClass().getName();
    }

    /** The jar or class folder the provider class came from. */
    String location() {
        return locationOf(provider.getClass());
    }

    static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }

    /** Whether {@link #availability()} has been asked, so that asking again loads nothing. */
    synchronized boolean availabilityAsked() {
        return availability != null;
    }

    synchronized Availability availability() {
        if (availability == null) {
            try {
                availability = provider.availability();
                if (availability == null) {
                    availability = Availability.unavailable(className() + ".availability() returned null");
                }
            } catch (RuntimeException | LinkageError e) {
                availability = Availability.unavailable(className() + ".availability() failed: " + e);
            }
        }
        return availability;
    }

    PluginInfo info() {
        return new PluginInfo(kind, id, priority, availability(), className(), location(), provider);
    }

    /** {@code "opencv (priority 200, unavailable: ...)"}, for lists in messages. */
    String describe() {
        Availability state = availability();
        return id + " (priority " + priority + (state.available() ? "" : ", unavailable: " + state.reason()) + ")";
    }
}
