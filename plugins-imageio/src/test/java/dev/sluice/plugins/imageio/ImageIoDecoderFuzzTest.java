package dev.sluice.plugins.imageio;

import dev.sluice.api.contract.DecoderFuzzContract;

/** The imageio decoder against cut, bit-flipped, grown and shrunk JPEG and PNG files. */
class ImageIoDecoderFuzzTest extends DecoderFuzzContract {

    @Override
    protected String providerId() {
        return "imageio";
    }
}
