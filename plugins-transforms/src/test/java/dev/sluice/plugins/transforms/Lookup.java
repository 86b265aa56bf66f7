package dev.sluice.plugins.transforms;

import dev.sluice.api.spi.TransformLookup;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.plugin.TransformResolver;

/** What core hands the containers: its transform lookup over the providers on the test class path. */
public final class Lookup {
    public static final TransformLookup CORE = new TransformResolver(PluginRegistry.discover(Lookup.class.getClassLoader()));

    private Lookup() {
    }
}
