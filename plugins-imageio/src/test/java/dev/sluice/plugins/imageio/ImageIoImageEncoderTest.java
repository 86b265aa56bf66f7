package dev.sluice.plugins.imageio;

import dev.sluice.api.contract.ImageEncoderContract;
import java.util.Set;

/** The encoder contract for the imageio backend, and what is special about it. */
class ImageIoImageEncoderTest extends ImageEncoderContract {

    @Override
    protected String providerId() {
        return "imageio";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png", "jpeg");
    }
}
