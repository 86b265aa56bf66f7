package dev.sluice.api;

import dev.sluice.api.contract.ImageDecoderContract;
import java.util.Set;

/** Runs the decoder contract against the PNG-only reference decoder; its JPEG tests are skipped. */
class JdkPngDecoderTest extends ImageDecoderContract {

    @Override
    protected String providerId() {
        return "jdk-png";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png");
    }
}
