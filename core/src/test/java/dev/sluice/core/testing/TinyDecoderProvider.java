package dev.sluice.core.testing;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Set;

/** Registers {@link TinyImageDecoder} as decoder {@code tiny} for the wiring tests. */
public final class TinyDecoderProvider implements ImageDecoderProvider {
    @Override
    public String id() {
        return "tiny";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public ImageDecoder create(Options options) {
        options.requireOnly(Set.of());
        return new TinyImageDecoder();
    }
}
