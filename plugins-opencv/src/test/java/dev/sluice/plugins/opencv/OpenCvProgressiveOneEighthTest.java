package dev.sluice.plugins.opencv;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.ProgressiveOneEighthContract;

/** Progressive JPEGs at 1/8 made from their DC coefficients, against OpenCV's imdecode (its bundled libjpeg-turbo). */
class OpenCvProgressiveOneEighthTest extends ProgressiveOneEighthContract {
    @Override
    protected ImageDecoder decoder() {
        return new OpenCvDecoderProvider().create(Options.empty());
    }
}
