package dev.sluice.api.spi;

import dev.sluice.api.Options;
import dev.sluice.api.Transform;

/**
 * Makes one kind of {@link Transform}, named in configuration by {@link #id()} with its parameters
 * as options ({@code - resize: {size: 256}}). The transform says what it takes and gives
 * ({@link Transform#inputType()}), so that core can check a configured list before loading anything.
 * Found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/dev.sluice.api.spi.TransformProvider} file; called by core only.
 *
 * <pre>{@code
 * public final class InvertProvider implements TransformProvider {
 *     public String id() { return "acme-invert"; }
 *     public int priority() { return 0; }
 *     public Transform<?, ?> create(Options options) { return new Invert(); }
 * }
 * }</pre>
 *
 * <p>A pack that also offers its transforms to Java code, as the standard pack does
 * ({@code Resize.of(256).antialias(false)}), gives each one a public immutable class that implements
 * {@link Transform}, built by static factories and methods that check their arguments, and has the
 * provider parse the options and call those same factories: one implementation, two ways in, and
 * the Java form composes with any other transform, since containers take any {@link Transform}.
 */
public interface TransformProvider extends PluginProvider {

    /**
     * A new transform with the parameters in {@code options}, named as torchvision names them.
     *
     * @throws dev.sluice.api.OptionsException naming the key path when a parameter is wrong
     */
    Transform<?, ?> create(Options options);

    /**
     * A new transform, for providers whose options hold transforms of their own (containers such as
     * {@code compose} and {@code random_apply}): they build their nested steps through
     * {@code lookup}, which core hands them, rather than finding providers themselves. Core always
     * calls this method; the default ignores {@code lookup} and calls {@link #create(Options)}.
     *
     * @throws dev.sluice.api.OptionsException naming the key path when a parameter or a nested step is wrong
     */
    default Transform<?, ?> create(Options options, TransformLookup lookup) {
        return create(options);
    }
}
