package dev.sluice.plugins.opencv;

import dev.sluice.api.contract.ImageEncoderContract;
import java.util.Set;

/** The encoder contract for the opencv backend, and what is special about it. */
class OpenCvImageEncoderTest extends ImageEncoderContract {

    @Override
    protected String providerId() {
        return "opencv";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png", "jpeg");
    }
}
