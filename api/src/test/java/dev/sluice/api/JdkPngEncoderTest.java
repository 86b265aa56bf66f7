package dev.sluice.api;

import dev.sluice.api.contract.ImageEncoderContract;
import java.util.Set;

/** Runs the encoder contract against the PNG-only reference encoder; its JPEG tests are skipped. */
class JdkPngEncoderTest extends ImageEncoderContract {

    @Override
    protected String providerId() {
        return "jdk-png";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png");
    }
}
