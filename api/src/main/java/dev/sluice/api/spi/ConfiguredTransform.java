package dev.sluice.api.spi;

import dev.sluice.api.OptionsException;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.UnsupportedTargetsException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * One step of a configured transform list: the transform, its id and where it was configured, so
 * that a step that does not fit, or fails, is named by its key path.
 *
 * @param id the transform id, such as {@code resize}
 * @param keyPath where it was configured, such as {@code transforms[0].compose.transforms[1].resize}
 * @param transform the transform its provider made
 */
public record ConfiguredTransform(String id, String keyPath, Transform<?, ?> transform) {

    /**
     * @throws NullPointerException if any part is null
     */
    public ConfiguredTransform {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(transform, "transform");
    }

    /**
     * The transform applied to {@code input}, after checking that the input is of the type the
     * transform declares.
     *
     * @throws IllegalArgumentException naming this step when the input is of another type (possible
     *         only after a step that does not declare what it gives)
     * @throws IllegalStateException naming this step when the transform returns null
     */
    @SuppressWarnings("unchecked")
    public Object apply(Object input, RandomGenerator random) {
        requireInput(input);
        Object output = ((Transform<Object, Object>) transform).apply(input, random);
        if (output == null) {
            throw new IllegalStateException(keyPath + " (" + id + ", " + transform.getClass().getName()
                    + ") returned null");
        }
        return output;
    }

    /**
     * The transform applied to {@code input} and its targets ({@link Transform#applyWithTargets}),
     * after checking the value as {@link #apply} does.
     *
     * @throws UnsupportedTargetsException naming this step's key path and id when the transform
     *         cannot move the targets given
     * @throws IllegalArgumentException naming this step when the value is of another type
     * @throws IllegalStateException naming this step when the transform returns null
     */
    @SuppressWarnings("unchecked")
    public Targeted<Object> applyWithTargets(Targeted<?> input, RandomGenerator random) {
        requireInput(input.value());
        Targeted<?> output;
        try {
            output = ((Transform<Object, Object>) transform).applyWithTargets(input, random);
        } catch (UnsupportedTargetsException e) {
            throw new UnsupportedTargetsException(keyPath + " (" + id + "): " + e.getMessage());
        }
        if (output == null) {
            throw new IllegalStateException(keyPath + " (" + id + ", " + transform.getClass().getName()
                    + ") returned null");
        }
        return Targeted.of(output.value(), output.targets());
    }

    /** {@code input} and its targets through every step in order, each as by {@link #applyWithTargets}. */
    public static Targeted<Object> applyAllWithTargets(List<ConfiguredTransform> steps, Targeted<?> input,
            RandomGenerator random) {
        Targeted<Object> value = Targeted.of(input.value(), input.targets());
        for (ConfiguredTransform step : steps) {
            value = step.applyWithTargets(value, random);
        }
        return value;
    }

    /** Whether every step carries targets ({@link Transform#carriesTargets()}). */
    public static boolean carryTargets(List<ConfiguredTransform> steps) {
        for (ConfiguredTransform step : steps) {
            if (!step.transform().carriesTargets()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses a list of steps for samples with targets when a step cannot carry them
     * ({@link Transform#carriesTargets()} false), so that the mistake is reported when the pipeline is
     * built rather than on every sample.
     *
     * @param source what gives the targets, for the message ({@code "the coco label format"})
     * @throws OptionsException at the key path of the first step that cannot carry targets
     */
    public static void requireTargets(List<ConfiguredTransform> steps, String source) {
        for (ConfiguredTransform step : steps) {
            if (!step.transform().carriesTargets()) {
                throw new OptionsException(step.keyPath(), step.id() + " cannot move boxes, masks or key points with "
                        + "the image, but " + source + " gives each sample targets; leave it out, or use a transform "
                        + "that moves them");
            }
        }
    }

    /**
     * Refuses {@code input} when it is not of the type the transform declares.
     *
     * @throws IllegalArgumentException naming this step, what it takes and what it got
     */
    public void requireInput(Object input) {
        Class<?> takes = transform.inputType();
        if (!takes.isInstance(input)) {
            throw new IllegalArgumentException(keyPath + " (" + id + ") takes " + article(takes) + ", but got "
                    + input.getClass().getSimpleName() + " " + input);
        }
    }

    /** {@code input} through every step in order, each checked as by {@link #apply}. */
    public static Object applyAll(List<ConfiguredTransform> steps, Object input, RandomGenerator random) {
        Object value = input;
        for (ConfiguredTransform step : steps) {
            value = step.apply(value, random);
        }
        return value;
    }

    /**
     * What the steps, run in order, allow the decoder to reduce given what the steps after them
     * allow: each step's {@link Transform#reduceLimit} given the ones after it, from the last to the first.
     */
    public static ReduceLimit reduceLimit(List<ConfiguredTransform> steps, ReduceLimit next) {
        ReduceLimit limit = next;
        for (int i = steps.size() - 1; i >= 0; i--) {
            limit = steps.get(i).transform().reduceLimit(limit);
        }
        return limit;
    }

    /**
     * The steps, at least one, run one after the other as one transform: {@link #applyAll} on each
     * input ({@link #applyAllWithTargets} with targets, carrying them when every step does); it takes
     * what the first step takes, gives what the last gives, and allows the decoder what the steps
     * together allow ({@link #reduceLimit(List, ReduceLimit)}).
     */
    public static Transform<Object, Object> chain(List<ConfiguredTransform> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one step");
        }
        return new Chain(List.copyOf(steps));
    }

    private record Chain(List<ConfiguredTransform> steps) implements Transform<Object, Object> {
        @Override
        public Object apply(Object input, RandomGenerator random) {
            return applyAll(steps, input, random);
        }

        @Override
        public Targeted<Object> applyWithTargets(Targeted<?> input, RandomGenerator random) {
            return applyAllWithTargets(steps, input, random);
        }

        @Override
        public boolean carriesTargets() {
            return carryTargets(steps);
        }

        @Override
        public ReduceLimit reduceLimit(ReduceLimit next) {
            return ConfiguredTransform.reduceLimit(steps, next);
        }

        @Override
        public Class<?> inputType() {
            return steps.get(0).transform().inputType();
        }

        @Override
        public Class<?> outputType() {
            return steps.get(steps.size() - 1).transform().outputType();
        }

        @Override
        public OptionalInt outputChannels(OptionalInt input) {
            return requireChannels(steps, input, "its input");
        }
    }

    /**
     * Refuses a list of steps that run one after the other where a step does not take what the one
     * before it gives, such as {@code normalize} straight after {@code resize}: the mistake is
     * reported when the pipeline is built, not on the first sample. A step that declares
     * {@code Object} as its output ends the check for the step after it.
     *
     * @param given what the first step gets; {@code Object.class} when unknown
     * @param source what gives it, for the message ({@code "the decoder"})
     * @throws OptionsException at the key path of the first step that does not fit,
     *         saying what it takes, what it gets and from where
     */
    public static void requireChain(List<ConfiguredTransform> steps, Class<?> given, String source) {
        Class<?> produced = given;
        String producer = source;
        for (ConfiguredTransform step : steps) {
            Class<?> takes = step.transform().inputType();
            if (produced != Object.class && !takes.isAssignableFrom(produced)) {
                throw new OptionsException(step.keyPath(), step.id() + " takes " + article(takes)
                        + ", but " + producer + " before it gives " + article(produced)
                        + (takes == Tensor.class ? "; put to_tensor before it" : ""));
            }
            produced = step.transform().outputType();
            producer = step.id();
        }
    }

    /**
     * The channels the steps, run in order, give for {@code given} input channels, each step asked
     * with what the one before it gives ({@link Transform#outputChannels}): a count a step cannot take
     * is refused when the pipeline is built. An unknown count (empty) is passed on, and the steps
     * it reaches are checked on each sample instead.
     *
     * @param given the channels of what the first step gets; empty when unknown
     * @param source what gives them, for the message ({@code "the decoder (mode rgb)"})
     * @return the channels of the last step's output, or empty when unknown
     * @throws OptionsException at the key path of the first step that cannot take the count it gets
     *         (or of its option at fault, when the step names one), with the count it got
     */
    public static OptionalInt requireChannels(List<ConfiguredTransform> steps, OptionalInt given, String source) {
        OptionalInt channels = Objects.requireNonNull(given, "given");
        String producer = source;
        for (ConfiguredTransform step : steps) {
            try {
                channels = Objects.requireNonNull(step.transform().outputChannels(channels),
                        () -> step.keyPath() + " (" + step.id() + ") gave null channels");
            } catch (OptionsException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new OptionsException(step.keyPath(), step.id() + " cannot take the "
                        + (channels.isEmpty() ? "channels " : channels.getAsInt() == 1 ? "1 channel " : channels.getAsInt() + " channels ") + producer
                        + " before it gives: " + e.getMessage());
            }
            producer = step.id();
        }
        return channels;
    }

    /** "an Image", "a Tensor". */
    private static String article(Class<?> type) {
        String noun = type.getSimpleName();
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
