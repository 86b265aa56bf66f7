package dev.sluice.plugins.opencv;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.JpegAtOneEighthContract;

/** JPEGs at 1/8 made from their coefficients in the strict walk, against OpenCV's imdecode (its bundled libjpeg-turbo). */
class OpenCvJpegAtOneEighthTest extends JpegAtOneEighthContract {
    @Override
    protected ImageDecoder decoder() {
        return new OpenCvDecoderProvider().create(Options.empty());
    }
}
