package dev.sluice.core.plugin;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;

/** A decoder provider whose construction fails, as a plugin built against a missing library does. */
public final class BrokenDecoderProvider implements ImageDecoderProvider {
    /** Always fails. */
    public BrokenDecoderProvider() {
        throw new IllegalStateException("libacme.so is missing");
    }

    @Override
    public String id() {
        return "broken";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public ImageDecoder create(Options options) {
        throw new IllegalStateException("never constructed");
    }
}
