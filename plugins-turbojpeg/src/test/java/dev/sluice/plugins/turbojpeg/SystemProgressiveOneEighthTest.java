package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.ProgressiveOneEighthContract;
import java.util.Map;

/** Progressive JPEGs at 1/8 made from their DC coefficients, against the system's libturbojpeg; skipped without one. */
class SystemProgressiveOneEighthTest extends ProgressiveOneEighthContract {
    @Override
    protected ImageDecoder decoder() {
        SystemLibraryAssumption.require();
        return new TurboJpegDecoderProvider().create(Options.of(Map.of("library", "system")));
    }
}
