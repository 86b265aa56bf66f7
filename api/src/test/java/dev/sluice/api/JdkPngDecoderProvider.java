package dev.sluice.api;

import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Set;

/**
 * Registers the test fixture {@link JdkPngDecoder} under the id {@code jdk-png}, for the api's own
 * contract tests; public only because {@link java.util.ServiceLoader} needs it so. Not in the test-jar's
 * service files, so it never shows up in another module's discovery.
 */
public final class JdkPngDecoderProvider extends AbstractPluginProvider implements ImageDecoderProvider {

    /** Constructs the provider; does nothing else. */
    public JdkPngDecoderProvider() {
        super("jdk-png", 0); // 0: a test fixture never wins an auto choice
    }

    /**
     * A new PNG-only decoder.
     *
     * @throws OptionsException for any option: the fixture has none
     */
    @Override
    public ImageDecoder create(Options options) {
        options.requireOnly(Set.of());
        return new JdkPngDecoder();
    }
}
