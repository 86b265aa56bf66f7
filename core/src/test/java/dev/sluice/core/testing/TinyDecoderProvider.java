package dev.sluice.core.testing;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Set;

/** Registers {@link TinyImageDecoder} as decoder {@code tiny} for the wiring tests. */
public final class TinyDecoderProvider extends AbstractPluginProvider implements ImageDecoderProvider {
    public TinyDecoderProvider() {
        super("tiny", 10);
    }

    @Override
    public ImageDecoder create(Options options) {
        options.requireOnly(Set.of());
        return new TinyImageDecoder();
    }
}
