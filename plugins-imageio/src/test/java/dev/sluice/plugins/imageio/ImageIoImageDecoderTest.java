package dev.sluice.plugins.imageio;

import dev.sluice.api.contract.ImageDecoderContract;
import java.util.Set;

/** The decoder contract for the imageio backend, and what is special about it. */
class ImageIoImageDecoderTest extends ImageDecoderContract {

    @Override
    protected String providerId() {
        return "imageio";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png", "jpeg", "bmp", "gif", "tiff", "webp");
    }
}
