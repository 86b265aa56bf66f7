package dev.sluice.api.spi;

import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;

/**
 * Makes {@link ImageEncoder}s. Found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/dev.sluice.api.spi.ImageEncoderProvider} file; called by core only.
 *
 * <pre>{@code
 * public final class AcmeProvider implements ImageEncoderProvider {
 *     public String id() { return "acme"; }
 *     public int priority() { return 50; }
 *     public ImageEncoder create(Options options) { return new AcmeEncoder(options.getInt("threads", 1)); }
 * }
 * }</pre>
 */
public interface ImageEncoderProvider extends PluginProvider {

    /**
     * A new, ready ImageEncoder configured by {@code options}. Called by core after
     * {@link #availability()} said available, on any thread.
     *
     * @param options the options the configuration gives this plugin; unknown keys are refused
     * @throws dev.sluice.api.OptionsException naming the key path when an option is wrong
     */
    ImageEncoder create(Options options);
}
