package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.Options;
import dev.sluice.api.contract.DecoderFuzzContract;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The fuzz contract for the turbojpeg decoder (JPEG only) on one library, {@code bundled} or {@code system}. */
abstract class TurboJpegFuzzContract extends DecoderFuzzContract {
    private final String library;

    TurboJpegFuzzContract(String library) {
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
    protected final Options providerOptions() {
        return Options.of(Map.of("library", library));
    }
}
