package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.ProgressiveOneEighthContract;
import java.util.Map;

/** Progressive JPEGs at 1/8 made from their DC coefficients, against the bundled Leptonica's libjpeg-turbo. */
class BundledProgressiveOneEighthTest extends ProgressiveOneEighthContract {
    @Override
    protected ImageDecoder decoder() {
        return new TurboJpegDecoderProvider().create(Options.of(Map.of("library", "bundled")));
    }
}
