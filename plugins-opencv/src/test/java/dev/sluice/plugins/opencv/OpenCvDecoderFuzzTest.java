package dev.sluice.plugins.opencv;

import dev.sluice.api.contract.DecoderFuzzContract;

/** The opencv decoder against cut, bit-flipped, grown and shrunk JPEG and PNG files. */
class OpenCvDecoderFuzzTest extends DecoderFuzzContract {

    @Override
    protected String providerId() {
        return "opencv";
    }
}
