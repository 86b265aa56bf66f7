package dev.sluice.api.spi;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;

/**
 * A transform provider whose options hold transforms of its own ({@code compose},
 * {@code random_apply}): it builds them through the {@link TransformLookup} core hands it, so it
 * has no use without one.
 */
public interface ContainerTransformProvider extends TransformProvider {

    /**
     * The container, its nested steps built through {@code lookup}.
     *
     * @throws OptionsException naming the key path when an option or a nested step is wrong
     */
    @Override
    Transform<?, ?> create(Options options, TransformLookup lookup);

    /**
     * Refuses: a container's steps are built through the lookup core hands to
     * {@link #create(Options, TransformLookup)}.
     *
     * @throws OptionsException always, at the options' key path
     */
    @Override
    default Transform<?, ?> create(Options options) {
        throw new OptionsException(options.path(), "holds transforms of its own, so it is built through core's "
                + "TransformLookup: call create(options, lookup)");
    }
}
