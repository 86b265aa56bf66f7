package dev.sluice.api.spi;

import java.util.Objects;

/**
 * A {@link PluginProvider} whose id and priority are fixed when it is constructed, for providers that
 * would otherwise each repeat the two one-line methods. A subclass also implements its kind's
 * interface and passes both values to the constructor:
 *
 * <pre>{@code
 * public final class AcmeJpegDecoderProvider extends AbstractPluginProvider implements ImageDecoderProvider {
 *     public AcmeJpegDecoderProvider() {
 *         super("acme-jpeg", 150);
 *     }
 *
 *     public ImageDecoder create(Options options) { ... }
 * }
 * }</pre>
 *
 * Constructing one does nothing but keep the two values, as a provider's construction must.
 */
public abstract class AbstractPluginProvider implements PluginProvider {
    private final String id;
    private final int priority;

    /**
     * @param id the provider's id, as {@link PluginProvider#id()} describes it; not null
     * @param priority its priority under {@code auto}, as {@link PluginProvider#priority()} describes it
     * @throws NullPointerException when {@code id} is null
     */
    protected AbstractPluginProvider(String id, int priority) {
        this.id = Objects.requireNonNull(id, "id");
        this.priority = priority;
    }

    /** The id given at construction. */
    @Override
    public final String id() {
        return id;
    }

    /** The priority given at construction. */
    @Override
    public final int priority() {
        return priority;
    }
}
