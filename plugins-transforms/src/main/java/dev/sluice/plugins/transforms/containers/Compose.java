package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.target.Targeted;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code compose}: torchvision's {@code Compose}, steps run one after the other, each drawing from the
 * one random source in the order the steps run.
 *
 * <p>Parameter (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code transforms} ({@link #of(Transform...)}, {@link #of(List)}; required, not empty): the
 *       steps in order. In YAML each is a transform id ({@code - to_tensor}) or a map of one id to
 *       its options ({@code - resize: {size: 256}}), built through the lookup core hands over, so
 *       nested third-party transforms work and containers nest; a step's options have the key path
 *       {@code <this path>.transforms[i].<id>}. In Java each is any {@link Transform}: this pack's
 *       typed forms, a third-party pack's, or a lambda.</li>
 * </ul>
 *
 * <p>Steps declare what they take and give, and a list where one does not fit the next
 * ({@code normalize} straight after {@code resize}) is refused when it is built rather than on the
 * first sample. Runs of {@link dev.sluice.plugins.transforms.resize.Resize} and/or
 * {@link dev.sluice.plugins.transforms.geometry.CenterCrop} or
 * {@link dev.sluice.plugins.transforms.geometry.RandomResizedCrop}, then an optional
 * {@link dev.sluice.plugins.transforms.geometry.RandomHorizontalFlip}, then
 * {@link dev.sluice.plugins.transforms.tensor.ToTensor} and an optional
 * {@link dev.sluice.plugins.transforms.tensor.Normalize} are fused into one pass that computes only
 * the kept pixels and writes normalised floats directly; the result is bit for bit that of the
 * separate steps, with the same draws from the random source. When the steps end in such a run, the
 * composition is also a {@link dev.sluice.api.SlotTransform}, so a loader can write each sample
 * straight into its place in the batch.
 *
 * <p>Under {@code decoder.reduce: auto}, the decoder may reduce as far as the first step that sets
 * the size ({@code resize}, {@code random_resized_crop}) allows, provided every step before it
 * keeps the size and works pixel by pixel (the flips, {@code color_jitter}, {@code grayscale});
 * any other step before it means full size.
 *
 * <pre>{@code
 * - compose:                                               # YAML
 *     transforms:
 *       - resize: {size: 256}
 *       - center_crop: {size: 224}
 *       - to_tensor
 *       - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}
 *
 * Compose.of(Resize.of(256), CenterCrop.of(224), ToTensor.of(),      // Java
 *         Normalize.of(Normalize.IMAGENET_MEAN, Normalize.IMAGENET_STD))
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use when every step is. It throws
 * {@link IllegalArgumentException} when a step is handed an input of the wrong type (possible only
 * after a step that does not declare what it gives), naming the step.
 */
public final class Compose implements Transform<Object, Object> {
    /** The steps as configured, before fusing: what {@link #reduceLimit} asks. */
    private final List<ConfiguredTransform> configured;
    private final List<ConfiguredTransform> steps;
    private final Transform<Object, Object> chain;

    Compose(List<ConfiguredTransform> configured) {
        ConfiguredTransform.requireChain(configured, Object.class, "");
        this.configured = List.copyOf(configured);
        this.steps = FusedPipeline.fuseRuns(configured);
        this.chain = ConfiguredTransform.chain(steps);
    }

    /**
     * The steps one after the other: a {@code Compose}, or a {@link dev.sluice.api.SlotTransform} view
     * of it when its steps end in a run it fuses.
     *
     * @throws dev.sluice.api.OptionsException at {@code compose.transforms[i]} when a step does not take
     *         what the one before it gives
     * @throws IllegalArgumentException when there is no step
     */
    public static Transform<Object, Object> of(Transform<?, ?>... steps) {
        return of(List.of(steps));
    }

    /** As {@link #of(Transform...)}. */
    public static Transform<Object, Object> of(List<? extends Transform<?, ?>> steps) {
        return chain(Steps.of("compose", steps));
    }

    /** The steps, already named and checked against their configuration, fused where they can be. */
    @SuppressWarnings("unchecked")
    static Transform<Object, Object> chain(List<ConfiguredTransform> steps) {
        return (Transform<Object, Object>) SlotCompose.of(new Compose(steps));
    }

    List<ConfiguredTransform> steps() {
        return steps;
    }

    @Override
    public Object apply(Object input, RandomGenerator random) {
        return chain.apply(input, random);
    }

    /** Each step in turn moves the targets with its value, drawing what it draws when applied alone. */
    @Override
    public Targeted<Object> applyWithTargets(Targeted<?> input, RandomGenerator random) {
        return chain.applyWithTargets(input, random);
    }

    /** Whether every step carries targets; a fused run carries them as its steps would. */
    @Override
    public boolean carriesTargets() {
        return chain.carriesTargets();
    }

    /**
     * Each step's limit given the ones after it, from the last step to the first: the first step
     * that sets the size decides, provided the steps before it keep the size.
     */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        return ConfiguredTransform.reduceLimit(configured, next);
    }

    @Override
    public Class<?> inputType() {
        return chain.inputType();
    }

    @Override
    public Class<?> outputType() {
        return chain.outputType();
    }

    /** The steps as configured, each checked with what the one before gives. */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        return ConfiguredTransform.requireChannels(configured, input, "the input of compose");
    }

    @Override
    public String toString() {
        return "compose" + Steps.describe(steps);
    }
}
