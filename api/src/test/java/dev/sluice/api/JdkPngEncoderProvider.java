package dev.sluice.api;

import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.ImageEncoderProvider;
import java.util.Set;

/**
 * Registers the test fixture {@link JdkPngEncoder} under the id {@code jdk-png}, for the api's own
 * contract tests; public only because {@link java.util.ServiceLoader} needs it so. Not in the test-jar's
 * service files, so it never shows up in another module's discovery.
 */
public final class JdkPngEncoderProvider extends AbstractPluginProvider implements ImageEncoderProvider {

    /** Constructs the provider; does nothing else. */
    public JdkPngEncoderProvider() {
        super("jdk-png", 0); // 0: a test fixture never wins an auto choice
    }

    /**
     * A new PNG-only encoder.
     *
     * @throws OptionsException for any option: the fixture has none
     */
    @Override
    public ImageEncoder create(Options options) {
        options.requireOnly(Set.of());
        return new JdkPngEncoder();
    }
}
