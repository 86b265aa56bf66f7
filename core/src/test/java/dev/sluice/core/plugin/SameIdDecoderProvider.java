package dev.sluice.core.plugin;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.ImageDecoderProvider;

/** A second decoder claiming the id {@code tiny}, to make a clash. */
public final class SameIdDecoderProvider extends AbstractPluginProvider implements ImageDecoderProvider {
    public SameIdDecoderProvider() {
        super("tiny", 5);
    }

    @Override
    public ImageDecoder create(Options options) {
        throw new IllegalStateException("never created: its id clashes");
    }
}
