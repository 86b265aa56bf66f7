package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.spi.DeclaredPluginProvider;
import dev.sluice.api.spi.LabelFormatProvider;
import java.util.Set;
import java.util.function.Function;

/**
 * What core's own label format providers share: an id given once, priority 100, as every pure-Java
 * built-in has, and the option keys the format takes, every other key refused before the format is
 * built. Each subclass documents its options and what it refuses in its class javadoc.
 */
public abstract class BuiltInLabelFormatProvider extends DeclaredPluginProvider<LabelFormat>
        implements LabelFormatProvider {

    /**
     * @param id the format's id, as a configuration's {@code dataset.format} names it
     * @param keys every option key the format takes
     * @param build makes the format from options that hold no other key; throws
     *        {@link dev.sluice.api.OptionsException} naming the key path of a malformed one
     */
    protected BuiltInLabelFormatProvider(String id, Set<String> keys, Function<Options, LabelFormat> build) {
        super(id, 100, keys, build);
    }

    /**
     * The format these options describe; thread-safe, each read keeping its own state.
     *
     * @throws dev.sluice.api.OptionsException naming the key path of an unknown option, or of one the
     *         provider's class javadoc says is malformed
     */
    @Override
    public final LabelFormat create(Options options) {
        return make(options);
    }
}
