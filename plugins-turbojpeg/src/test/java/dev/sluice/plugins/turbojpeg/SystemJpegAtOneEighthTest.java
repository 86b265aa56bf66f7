package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.JpegAtOneEighthContract;
import java.util.Map;

/** JPEGs at 1/8 made from their coefficients in the strict walk, against the system's libturbojpeg; skipped without one. */
class SystemJpegAtOneEighthTest extends JpegAtOneEighthContract {
    @Override
    protected ImageDecoder decoder() {
        SystemLibraryAssumption.require();
        return new TurboJpegDecoderProvider().create(Options.of(Map.of("library", "system")));
    }
}
