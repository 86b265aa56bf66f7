package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.Options;
import dev.sluice.api.contract.DecoderFuzzContract;
import java.util.Map;
import java.util.Set;

/** The bundled path against cut, bit-flipped, grown and shrunk JPEG and PNG files. */
class BundledLeptonicaDecoderFuzzTest extends DecoderFuzzContract {

    @Override
    protected String providerId() {
        return "turbojpeg";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("jpeg");
    }

    @Override
    protected Options providerOptions() {
        return Options.of(Map.of("library", "bundled"));
    }
}
