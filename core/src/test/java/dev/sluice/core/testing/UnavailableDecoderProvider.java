package dev.sluice.core.testing;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.ImageDecoderProvider;

/** A native-looking decoder that cannot load here: id {@code broken-native}, the highest priority. */
public final class UnavailableDecoderProvider extends AbstractPluginProvider implements ImageDecoderProvider {
    public UnavailableDecoderProvider() {
        super("broken-native", 1000);
    }

    @Override
    public Availability availability() {
        return Availability.unavailable("libbroken.so did not load: no such file");
    }

    @Override
    public ImageDecoder create(Options options) {
        throw new IllegalStateException("an unavailable provider must never be asked to create");
    }
}
