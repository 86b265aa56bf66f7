package dev.sluice.plugins.transforms;

import dev.sluice.api.spi.TransformProvider;

/**
 * What every provider of this pack shares: its id, given once, and priority 0, since transforms are
 * chosen by id, never by priority. Public only because the pack's providers, one per package of
 * transforms, extend it.
 */
public abstract class PackTransformProvider implements TransformProvider {
    private final String id;

    /** @param id the transform's id, torchvision's name in snake case */
    protected PackTransformProvider(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public final int priority() {
        return 0;
    }
}
