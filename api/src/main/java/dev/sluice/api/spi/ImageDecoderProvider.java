package dev.sluice.api.spi;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;

/**
 * Makes {@link ImageDecoder}s. Found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/dev.sluice.api.spi.ImageDecoderProvider} file; called by core only.
 *
 * <pre>{@code
 * public final class AcmeProvider implements ImageDecoderProvider {
 *     public String id() { return "acme"; }
 *     public int priority() { return 50; }
 *     public ImageDecoder create(Options options) { return new AcmeDecoder(options.getInt("threads", 1)); }
 * }
 * }</pre>
 */
public interface ImageDecoderProvider extends PluginProvider {

    /**
     * A new, ready ImageDecoder configured by {@code options}. Called by core after
     * {@link #availability()} said available, on any thread.
     *
     * @param options the options the configuration gives this plugin; unknown keys are refused
     * @throws dev.sluice.api.OptionsException naming the key path when an option is wrong
     */
    ImageDecoder create(Options options);
}
