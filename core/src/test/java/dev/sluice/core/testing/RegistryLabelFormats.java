package dev.sluice.core.testing;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;

/** Label formats as a caller gets them: from the plugin registry, by id. */
public final class RegistryLabelFormats {

    private RegistryLabelFormats() {
    }

    /** The {@code txt} format (the seed's grammar; a shard's {@code .cls} member), with default options. */
    public static LabelFormat txt() {
        return PluginRegistry.discover(RegistryLabelFormats.class.getClassLoader())
                .require(PluginKind.LABEL_FORMAT, LabelFormatProvider.class, "txt", "the test").create(Options.empty());
    }
}
