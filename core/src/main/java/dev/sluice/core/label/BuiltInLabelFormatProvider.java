package dev.sluice.core.label;

import dev.sluice.api.spi.LabelFormatProvider;

/**
 * What core's own label format providers share: an id given once and priority 100, as every
 * pure-Java built-in has. Each subclass documents its options in {@link #create}.
 */
public abstract class BuiltInLabelFormatProvider implements LabelFormatProvider {
    private final String id;

    /** @param id the format's id, as a configuration's {@code dataset.format} names it */
    protected BuiltInLabelFormatProvider(String id) {
        this.id = id;
    }

    /** The id given at construction. */
    @Override
    public final String id() {
        return id;
    }

    /** 100, as every pure-Java built-in. */
    @Override
    public final int priority() {
        return 100;
    }
}
