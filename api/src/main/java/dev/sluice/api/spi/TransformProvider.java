package dev.sluice.api.spi;

import dev.sluice.api.Options;
import dev.sluice.api.Transform;

/**
 * Makes one kind of {@link Transform}, named in configuration by {@link #id()} with its parameters
 * as options ({@code - resize: {size: 256}}). Found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/dev.sluice.api.spi.TransformProvider} file; called by core only.
 *
 * <pre>{@code
 * public final class InvertProvider implements TransformProvider {
 *     public String id() { return "acme-invert"; }
 *     public int priority() { return 0; }
 *     public Transform<?, ?> create(Options options) { return new Invert(); }
 * }
 * }</pre>
 */
public interface TransformProvider extends PluginProvider {

    /**
     * A new transform with the parameters in {@code options}, named as torchvision names them.
     *
     * @throws dev.sluice.api.OptionsException naming the key path when a parameter is wrong
     */
    Transform<?, ?> create(Options options);

    /**
     * What the transform takes, usually {@link dev.sluice.api.Image} or {@link dev.sluice.api.Tensor};
     * core checks a configured pipeline with it before loading anything. The default,
     * {@code Object.class}, says "anything" and skips the check.
     */
    default Class<?> inputType() {
        return Object.class;
    }

    /**
     * What the transform gives, usually {@link dev.sluice.api.Image} or {@link dev.sluice.api.Tensor}.
     * The default, {@code Object.class}, says "unknown" and skips the check.
     */
    default Class<?> outputType() {
        return Object.class;
    }
}
