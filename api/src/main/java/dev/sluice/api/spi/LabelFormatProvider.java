package dev.sluice.api.spi;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;

/**
 * Makes {@link LabelFormat}s. Found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/dev.sluice.api.spi.LabelFormatProvider} file; called by core only.
 *
 * <pre>{@code
 * public final class AcmeProvider implements LabelFormatProvider {
 *     public String id() { return "acme"; }
 *     public int priority() { return 50; }
 *     public LabelFormat create(Options options) { return new AcmeLabelFormat(options.getInt("threads", 1)); }
 * }
 * }</pre>
 */
public interface LabelFormatProvider extends PluginProvider {

    /**
     * A new, ready LabelFormat configured by {@code options}. Called by core after
     * {@link #availability()} said available, on any thread.
     *
     * @param options the options the configuration gives this plugin; unknown keys are refused
     * @throws dev.sluice.api.OptionsException naming the key path when an option is wrong
     */
    LabelFormat create(Options options);
}
