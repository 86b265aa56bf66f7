package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.ImageDecoderContract;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The decoder contract for the turbojpeg decoder (JPEG only) on one library, {@code bundled} or
 * {@code system}; each library's test states its own reference tolerance.
 */
abstract class TurboJpegDecoderContract extends ImageDecoderContract {
    private final String library;

    TurboJpegDecoderContract(String library) {
        this.library = Objects.requireNonNull(library, "library");
    }

    @Override
    protected final String providerId() {
        return "turbojpeg";
    }

    @Override
    protected final Set<String> formats() {
        return Set.of("jpeg");
    }

    @Override
    protected final ImageDecoder createDecoder(ImageDecoderProvider provider) {
        return provider.create(Options.of(Map.of("library", library)));
    }
}
