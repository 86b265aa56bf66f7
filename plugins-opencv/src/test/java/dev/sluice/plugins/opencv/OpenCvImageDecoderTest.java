package dev.sluice.plugins.opencv;

import dev.sluice.api.contract.ImageDecoderContract;
import java.util.Set;

/** The decoder contract for the opencv backend, and what is special about it. */
class OpenCvImageDecoderTest extends ImageDecoderContract {

    @Override
    protected String providerId() {
        return "opencv";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png", "jpeg");
    }
}
