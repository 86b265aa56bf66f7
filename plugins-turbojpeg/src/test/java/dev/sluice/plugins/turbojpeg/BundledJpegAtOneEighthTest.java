package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.JpegAtOneEighthContract;
import java.util.Map;

/** JPEGs at 1/8 made from their coefficients in the strict walk, against the bundled Leptonica's libjpeg-turbo. */
class BundledJpegAtOneEighthTest extends JpegAtOneEighthContract {
    @Override
    protected ImageDecoder decoder() {
        return new TurboJpegDecoderProvider().create(Options.of(Map.of("library", "bundled")));
    }
}
