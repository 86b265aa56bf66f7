package dev.sluice.plugins.transforms;

import dev.sluice.api.OptionsException;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The container family: {@code compose}, {@code random_apply}, {@code random_choice} and
 * {@code random_order}, which run nested steps built by {@link TransformCatalog}. Every step draws
 * from the one random source it is handed, in the order the steps run. {@code random_order} allows
 * no decode reduction (its steps may run in any order); the others combine their steps' limits.
 */
final class Containers {
    private Containers() {
    }

    /** Runs {@code steps} in order on {@code input}, checking each step's input type where it declares one. */
    @SuppressWarnings("unchecked")
    static Object run(List<TransformCatalog.Step> steps, Object input, RandomGenerator random) {
        Object value = input;
        for (TransformCatalog.Step step : steps) {
            requireInputType(step, value);
            value = ((Transform<Object, Object>) step.transform()).apply(value, random);
            if (value == null) {
                throw new IllegalStateException(step.keyPath() + " (" + step.id() + ", "
                        + step.transform().getClass().getName() + ") returned null");
            }
        }
        return value;
    }

    /** Refuses {@code value} when {@code step} declares an input type it is not an instance of, naming the step. */
    static void requireInputType(TransformCatalog.Step step, Object value) {
        if (step.transform() instanceof TypedTransform<?, ?> typed && !typed.inputType().isInstance(value)) {
            throw new IllegalArgumentException(step.keyPath() + " (" + step.id() + ") takes "
                    + article(typed.inputType().getSimpleName()) + ", but got " + describe(value));
        }
    }

    /** "an Image", "a Tensor". */
    private static String article(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName() + " " + value;
    }

    /**
     * Refuses a list where a step declares an output type that the next step does not take, such as
     * {@code normalize} after {@code resize}: the mistake is reported when the pipeline is configured.
     */
    static void checkTypes(List<TransformCatalog.Step> steps) {
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i - 1).transform() instanceof TypedTransform<?, ?> before
                    && steps.get(i).transform() instanceof TypedTransform<?, ?> after
                    && before.outputType() != Object.class
                    && !after.inputType().isAssignableFrom(before.outputType())) {
                TransformCatalog.Step step = steps.get(i);
                String hint = after.inputType().getSimpleName().equals("Tensor") ? "; put to_tensor before it" : "";
                throw new OptionsException(step.keyPath(), step.id() + " takes " + article(after.inputType().getSimpleName())
                        + ", but " + steps.get(i - 1).id() + " before it gives " + article(before.outputType().getSimpleName()) + hint);
            }
        }
    }

    /** {@code compose}: the steps one after the other, with fusable runs fused. */
    static final class Compose implements TypedTransform<Object, Object> {
        /** The steps as configured, before fusing: what {@link #reduceLimit} asks. */
        private final List<TransformCatalog.Step> configured;
        private final List<TransformCatalog.Step> steps;

        Compose(List<TransformCatalog.Step> configured) {
            checkTypes(configured);
            this.configured = List.copyOf(configured);
            this.steps = FusedPipeline.fuseRuns(configured);
        }

        List<TransformCatalog.Step> steps() {
            return steps;
        }

        @Override
        public Object apply(Object input, RandomGenerator random) {
            return run(steps, input, random);
        }

        /**
         * Each step's limit given the ones after it, from the last step to the first: the first step
         * that sets the size decides, provided the steps before it keep the size.
         */
        @Override
        public ReduceLimit reduceLimit(ReduceLimit next) {
            ReduceLimit limit = next;
            for (int i = configured.size() - 1; i >= 0; i--) {
                limit = configured.get(i).transform().reduceLimit(limit);
            }
            return limit;
        }

        @Override
        public Class<?> inputType() {
            return steps.get(0).transform() instanceof TypedTransform<?, ?> first ? first.inputType() : Object.class;
        }

        @Override
        public Class<?> outputType() {
            return steps.get(steps.size() - 1).transform() instanceof TypedTransform<?, ?> last ? last.outputType() : Object.class;
        }

        @Override
        public String toString() {
            return "compose" + describeSteps(steps);
        }
    }

    /** {@code random_apply}: all the steps, or none; torchvision's {@code if p < rand(): skip}. */
    static final class RandomApply implements TypedTransform<Object, Object> {
        private final Compose steps;
        private final double p;

        RandomApply(List<TransformCatalog.Step> steps, double p) {
            this.steps = new Compose(steps);
            this.p = p;
        }

        @Override
        public Object apply(Object input, RandomGenerator random) {
            if (p < random.nextDouble()) {
                return input;
            }
            return steps.apply(input, random);
        }

        /** What both the skipped and the applied branch allow. */
        @Override
        public ReduceLimit reduceLimit(ReduceLimit next) {
            return next.min(steps.reduceLimit(next));
        }

        @Override
        public Class<?> inputType() {
            return Object.class;
        }

        @Override
        public Class<?> outputType() {
            return Object.class;
        }

        @Override
        public String toString() {
            return "random_apply(p=" + p + ")" + describeSteps(steps.steps());
        }
    }

    /** {@code random_choice}: one step, drawn with the given weights (uniform without). */
    static final class RandomChoice implements TypedTransform<Object, Object> {
        private final List<TransformCatalog.Step> steps;
        private final double[] cumulative;

        /** @param weights one non-negative weight per step, not all zero; null for uniform */
        RandomChoice(List<TransformCatalog.Step> steps, double[] weights) {
            this.steps = List.copyOf(steps);
            this.cumulative = new double[steps.size()];
            double total = 0;
            for (int i = 0; i < cumulative.length; i++) {
                total += weights == null ? 1 : weights[i];
                cumulative[i] = total;
            }
        }

        /** The index of the step of one call: one draw. */
        int choose(RandomGenerator random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length - 1; i++) {
                if (u < cumulative[i]) {
                    return i;
                }
            }
            return cumulative.length - 1;
        }

        @Override
        public Object apply(Object input, RandomGenerator random) {
            return run(List.of(steps.get(choose(random))), input, random);
        }

        /** What every choice allows. */
        @Override
        public ReduceLimit reduceLimit(ReduceLimit next) {
            ReduceLimit limit = steps.get(0).transform().reduceLimit(next);
            for (int i = 1; i < steps.size(); i++) {
                limit = limit.min(steps.get(i).transform().reduceLimit(next));
            }
            return limit;
        }

        @Override
        public Class<?> inputType() {
            return Object.class;
        }

        @Override
        public Class<?> outputType() {
            return Object.class;
        }

        @Override
        public String toString() {
            return "random_choice" + describeSteps(steps);
        }
    }

    /** {@code random_order}: every step, in an order shuffled per call. */
    static final class RandomOrder implements TypedTransform<Object, Object> {
        private final List<TransformCatalog.Step> steps;

        RandomOrder(List<TransformCatalog.Step> steps) {
            this.steps = List.copyOf(steps);
        }

        /** A uniformly random permutation of the step indices (Fisher-Yates), drawn first on each call. */
        int[] order(RandomGenerator random) {
            int[] order = new int[steps.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return order;
        }

        @Override
        public Object apply(Object input, RandomGenerator random) {
            List<TransformCatalog.Step> shuffled = new ArrayList<>(steps.size());
            for (int i : order(random)) {
                shuffled.add(steps.get(i));
            }
            return run(shuffled, input, random);
        }

        @Override
        public Class<?> inputType() {
            return Object.class;
        }

        @Override
        public Class<?> outputType() {
            return Object.class;
        }

        @Override
        public String toString() {
            return "random_order" + describeSteps(steps);
        }
    }

    private static String describeSteps(List<TransformCatalog.Step> steps) {
        StringBuilder text = new StringBuilder("[");
        for (TransformCatalog.Step step : steps) {
            text.append(text.length() > 1 ? ", " : "").append(step.transform());
        }
        return text.append(']').toString();
    }
}
