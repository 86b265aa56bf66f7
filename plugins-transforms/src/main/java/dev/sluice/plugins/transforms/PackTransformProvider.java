package dev.sluice.plugins.transforms;

import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.TransformProvider;

/**
 * What every provider of this pack shares: its id, given once, and priority 0, since transforms are
 * chosen by id, never by priority. Public only because the pack's providers, one per package of
 * transforms, extend it.
 */
public abstract class PackTransformProvider extends AbstractPluginProvider implements TransformProvider {
    /** Every provider's priority in this pack. */
    static final int PRIORITY = 0;

    /** @param id the transform's id, torchvision's name in snake case */
    protected PackTransformProvider(String id) {
        super(id, PRIORITY);
    }
}
