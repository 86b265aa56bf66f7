package dev.sluice.api;

import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.target.UnsupportedTargetsException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * One preprocessing or augmentation step, as a torchvision transform.
 *
 * <p>A transform takes its randomness only from the {@code random} argument, which the loader
 * derives from (seed, epoch, sample position): the same inputs give the same output on any thread,
 * with any number of workers. A deterministic transform ignores it. Transforms are called from many
 * threads at once and keep no mutable state between calls.
 *
 * <pre>{@code
 * Transform<Image, Image> flip = (image, random) -> random.nextDouble() < 0.5 ? mirror(image) : image;
 * Transform<Image, Tensor> pipeline = flip.andThen(toTensor);
 * }</pre>
 *
 * <p><b>Targets.</b> A detection or segmentation sample carries boxes, a mask or key points beside
 * its image ({@link Targets}); it goes through {@link #applyWithTargets}, which gives the value and
 * its targets moved with it, every random parameter drawn once for both, as torchvision v2 does. A
 * transform that moves pixels overrides it and says so in {@link #carriesTargets()}; one that only
 * changes their values (colour, blur, {@code to_tensor}, {@code normalize}) passes the targets on
 * unchanged ({@link Targeted#map}). A transform that does neither refuses a sample with targets,
 * naming itself, rather than leave them behind.
 *
 * @param <I> the input type, usually {@link Image} or {@link Tensor}
 * @param <O> the output type
 */
@FunctionalInterface
public interface Transform<I, O> {

    /**
     * Applies the transform.
     *
     * @param input never null; not modified
     * @param random the only source of randomness this call may use; confined to the calling thread
     * @return the result, never null
     * @throws IllegalArgumentException when the input is not one this transform accepts (for
     *         example a channel count it does not handle), saying what it got and what it needs
     */
    O apply(I input, RandomGenerator random);

    /**
     * Applies the transform to {@code input}'s value and moves the targets drawn on it the same way,
     * each random parameter drawn once, in the order {@link #apply} draws it, and used for both: the
     * value is what {@link #apply} would give for the same random source. A geometric transform
     * maps boxes, masks and key points as torchvision v2 maps them for the same parameters; a
     * photometric one returns the targets as they are. The targets of the result are on the output's
     * canvas ({@link Targeted} checks an {@link Image} against it). Called by the sample recipe
     * (through the configured chain) on loader worker threads, once per sample with targets.
     *
     * <p>The default handles a value without targets ({@link Targeted#hasTargets()} false) as
     * {@link #apply} does and refuses one with targets; a transform that overrides this method
     * returns true from {@link #carriesTargets()}.
     *
     * <pre>{@code
     * public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
     *     boolean flip = random.nextDouble() < p;                       // drawn once
     *     return flip ? Targeted.of(mirror(input.value()), mirrorTargets(input.targets())) : Targeted.of(input.value(), input.targets());
     * }
     * }</pre>
     *
     * @param input never null; not modified
     * @param random the only source of randomness this call may use; confined to the calling thread
     * @return the result and its targets, never null
     * @throws UnsupportedTargetsException naming this transform when it cannot move the targets given
     *         (the default, whenever there are any)
     * @throws IllegalArgumentException as {@link #apply}, for a value this transform refuses
     */
    default Targeted<O> applyWithTargets(Targeted<? extends I> input, RandomGenerator random) {
        Objects.requireNonNull(input, "input");
        if (input.hasTargets()) {
            throw UnsupportedTargetsException.notCarried(this, input.targets());
        }
        return Targeted.of(apply(input.value(), random));
    }

    /**
     * Whether {@link #applyWithTargets} carries targets (moves them, or passes them on because it does
     * not move pixels) rather than refusing them. Called once by whoever builds a loader over a
     * dataset with targets, so that a pipeline with a step that would refuse every sample is refused
     * when it is built, naming that step. The default is false; containers answer for all their steps.
     */
    default boolean carriesTargets() {
        return false;
    }

    /**
     * How far the decoder may reduce an image that goes through this transform and then through
     * steps that themselves allow {@code next}. Called once by whoever builds the loader (core's
     * wiring, through the whole pipeline's {@code reduceLimit(ReduceLimit.NONE)}), never per sample.
     *
     * <ul>
     *   <li>A step whose output size does not depend on its input's (a resize to a fixed size or a
     *       shorter side, a random resized crop) returns its own limit and ignores {@code next}: the
     *       steps after it see the same size however the decode was reduced.
     *   <li>A step that works pixel by pixel and keeps the size (a flip, a colour change, a
     *       conversion to a tensor) returns {@code next}: whatever the steps after it allow.
     *   <li>Any other step (a crop or pad in pixels, a blur, a rotation) needs the full-size image:
     *       the default, {@link ReduceLimit#NONE}.
     * </ul>
     *
     * @param next what the steps after this one allow; {@link ReduceLimit#NONE} for the last step
     * @return never null; the default is {@link ReduceLimit#NONE}, which always decodes full size
     * @throws NullPointerException if {@code next} is null
     */
    default ReduceLimit reduceLimit(ReduceLimit next) {
        Objects.requireNonNull(next, "next");
        return ReduceLimit.NONE;
    }

    /**
     * The class every input must be an instance of, usually {@link Image} or {@link Tensor}, so that
     * a configured pipeline whose steps do not fit together ({@code normalize} before
     * {@code to_tensor}) is refused when it is built rather than on the first sample. The default,
     * {@code Object.class}, says "anything" and skips the check.
     */
    default Class<?> inputType() {
        return Object.class;
    }

    /**
     * The class every output is an instance of, usually {@link Image} or {@link Tensor}. The default,
     * {@code Object.class}, says "unknown" (it may depend on the input) and skips the check of the
     * step after this one.
     */
    default Class<?> outputType() {
        return Object.class;
    }

    /**
     * How many channels this transform gives for an input of {@code input} channels, so that a count
     * it cannot take ({@code normalize} with 2 means after an RGB decoder) is refused when the
     * pipeline is built rather than on the first sample. Called once by whoever builds the loader,
     * never per sample; the decoder's mode gives the first count (rgb: 3, gray: 1, unchanged: unknown).
     *
     * <ul>
     *   <li>An empty {@code input} means "unknown": a step that keeps the count returns it as it is
     *       (unknown passes through), a step that sets the count ({@code grayscale}) returns its own.
     *   <li>A step that cannot take {@code input} channels throws, saying what it got and what it
     *       takes; an {@link OptionsException} when an option is at fault, naming that option's key
     *       path (such as {@code transforms[2].normalize.mean}).
     * </ul>
     *
     * @param input the channels of every input, or empty when unknown
     * @return the channels of every output, or empty when unknown; the default, empty, says nothing
     *         and leaves the steps after it to be checked on each sample
     * @throws IllegalArgumentException when the transform cannot take {@code input} channels
     * @throws NullPointerException if {@code input} is null
     */
    default OptionalInt outputChannels(OptionalInt input) {
        Objects.requireNonNull(input, "input");
        return OptionalInt.empty();
    }

    /**
     * This transform, then {@code next}, drawing from the same random source in that order. Its
     * {@link #reduceLimit} is this transform's, given what {@code next} allows; it takes what this
     * transform takes and gives what {@code next} gives, with the channels {@code next} gives for this
     * transform's; it carries targets when both do, each moving them in turn.
     */
    default <V> Transform<I, V> andThen(Transform<? super O, ? extends V> next) {
        Objects.requireNonNull(next, "next");
        Transform<I, O> first = this;
        return new Transform<>() {
            @Override
            public V apply(I input, RandomGenerator random) {
                return next.apply(first.apply(input, random), random);
            }

            @Override
            public Targeted<V> applyWithTargets(Targeted<? extends I> input, RandomGenerator random) {
                Targeted<? extends V> out = next.applyWithTargets(first.applyWithTargets(input, random), random);
                return Targeted.of(out.value(), out.targets());
            }

            @Override
            public boolean carriesTargets() {
                return first.carriesTargets() && next.carriesTargets();
            }

            @Override
            public ReduceLimit reduceLimit(ReduceLimit after) {
                return first.reduceLimit(next.reduceLimit(after));
            }

            @Override
            public Class<?> inputType() {
                return first.inputType();
            }

            @Override
            public Class<?> outputType() {
                return next.outputType();
            }

            @Override
            public OptionalInt outputChannels(OptionalInt input) {
                return next.outputChannels(first.outputChannels(input));
            }
        };
    }

    /**
     * {@code body} declaring that it takes {@code input} and gives {@code output}: for a transform
     * written as a lambda. Its {@link #reduceLimit}, {@link #outputChannels}, {@link #applyWithTargets}
     * and {@link #carriesTargets} are {@code body}'s.
     *
     * <pre>{@code
     * Transform<Tensor, Tensor> half = Transform.typed(Tensor.class, Tensor.class, (t, random) -> scale(t, 0.5f));
     * }</pre>
     */
    static <I, O> Transform<I, O> typed(Class<I> input, Class<O> output, Transform<I, O> body) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(body, "body");
        return new Transform<>() {
            @Override
            public O apply(I value, RandomGenerator random) {
                return body.apply(value, random);
            }

            @Override
            public Targeted<O> applyWithTargets(Targeted<? extends I> value, RandomGenerator random) {
                return body.applyWithTargets(value, random);
            }

            @Override
            public boolean carriesTargets() {
                return body.carriesTargets();
            }

            @Override
            public ReduceLimit reduceLimit(ReduceLimit next) {
                return body.reduceLimit(next);
            }

            @Override
            public Class<?> inputType() {
                return input;
            }

            @Override
            public Class<?> outputType() {
                return output;
            }

            @Override
            public OptionalInt outputChannels(OptionalInt channels) {
                return body.outputChannels(channels);
            }
        };
    }

    /**
     * A transform that returns its input (and its targets), keeps its channels, and allows whatever
     * the steps after it allow.
     */
    static <T> Transform<T, T> identity() {
        return new Transform<>() {
            @Override
            public T apply(T input, RandomGenerator random) {
                return input;
            }

            @Override
            public Targeted<T> applyWithTargets(Targeted<? extends T> input, RandomGenerator random) {
                return Targeted.of(input.value(), input.targets());
            }

            @Override
            public boolean carriesTargets() {
                return true;
            }

            @Override
            public ReduceLimit reduceLimit(ReduceLimit next) {
                return Objects.requireNonNull(next, "next");
            }

            @Override
            public OptionalInt outputChannels(OptionalInt input) {
                return Objects.requireNonNull(input, "input");
            }
        };
    }
}
