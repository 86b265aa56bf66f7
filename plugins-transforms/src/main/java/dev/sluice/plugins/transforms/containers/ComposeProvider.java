package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.spi.TransformChainProvider;
import dev.sluice.api.spi.TransformLookup;
import java.util.List;
import java.util.Set;

/**
 * {@code compose}: torchvision's {@code Compose}, a pipeline built from a list.
 *
 * <p>Option {@code transforms} (required, not empty): the steps in order, each a transform id
 * ({@code - to_tensor}) or a map of one id to its options ({@code - resize: {size: 256}}), built
 * through the {@link TransformLookup} core hands over, so nested third-party transforms work, and
 * containers nest. A step's options have the key path
 * {@code <this path>.transforms[i].<id>}.
 *
 * <p>Steps of this pack declare what they take and give, and a list where one does not fit the next
 * ({@code normalize} straight after {@code resize}) is refused here rather than on the first sample.
 * Runs of {@code resize}/{@code center_crop} or {@code random_resized_crop}, then an optional
 * {@code random_horizontal_flip}, then {@code to_tensor} and an optional {@code normalize} are
 * fused into one pass that computes only the kept pixels and writes normalised floats directly;
 * the result is bit for bit that of the separate steps, with the same draws from the random source.
 *
 * <p>Under {@code decoder.reduce: auto}, the decoder may reduce as far as the first step that sets
 * the size ({@code resize}, {@code random_resized_crop}) allows, provided every step before it
 * keeps the size and works pixel by pixel (the flips, {@code color_jitter}, {@code grayscale});
 * any other step before it means full size.
 *
 * <pre>{@code
 * - compose:
 *     transforms:
 *       - resize: {size: 256}
 *       - center_crop: {size: 224}
 *       - to_tensor
 *       - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}
 * }</pre>
 */
public final class ComposeProvider implements TransformChainProvider {

    /** Constructs the provider; does nothing else. */
    public ComposeProvider() {
    }

    /** {@code "compose"}. */
    @Override
    public String id() {
        return "compose";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
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
    @SuppressWarnings("unchecked")
    public Transform<Object, Object> chain(List<ConfiguredTransform> steps) {
        return (Transform<Object, Object>) SlotCompose.of(new ContainerTransforms.Compose(steps));
    }
}
