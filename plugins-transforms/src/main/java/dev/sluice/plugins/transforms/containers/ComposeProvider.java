package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.spi.TransformChainProvider;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.plugins.transforms.PackTransformProvider;
import java.util.List;
import java.util.Set;

/** {@code compose} in configuration: builds the {@link Compose} its options describe (one implementation). */
public final class ComposeProvider extends PackTransformProvider implements TransformChainProvider {

    /** Constructs the provider; does nothing else. */
    public ComposeProvider() {
        super("compose");
    }

    /**
     * A {@code Transform<Object, Object>} running the steps in order, safe for concurrent use when every
     * step is. It throws {@link IllegalArgumentException} when a step of this pack is handed an input
     * of the wrong type (possible only after a third-party step), naming the step's key path. When
     * the steps end in {@code to_tensor} (with {@code normalize} or not) after a run the pack fuses,
     * the result is also a {@link dev.sluice.api.SlotTransform}, so a loader can write each sample
     * straight into its place in the batch.
     *
     * @throws OptionsException naming the key path when {@code transforms} is missing or empty, an entry
     *         is malformed or names an unknown id, a step's options are wrong, or two steps do not fit
     */
    @Override
    public Transform<Object, Object> create(Options options, TransformLookup lookup) {
        options.requireOnly(Set.of("transforms"));
        return chain(lookup.steps(options, "transforms"));
    }

    /**
     * The steps one after the other, with the runs this pack knows fused, as {@link #create} describes;
     * core hands it the configuration's top-level list.
     *
     * @throws OptionsException at the key path of a step that does not take what the one before gives
     */
    @Override
    public Transform<Object, Object> chain(List<ConfiguredTransform> steps) {
        return Compose.chain(steps);
    }
}
