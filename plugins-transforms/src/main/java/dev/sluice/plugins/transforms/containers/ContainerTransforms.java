package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.spi.TransformLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The container family: {@code compose}, {@code random_apply}, {@code random_choice} and
 * {@code random_order}, which run nested steps that core's {@link TransformLookup} built. Every step draws
 * from the one random source it is handed, in the order the steps run. {@code random_order} allows
 * no decode reduction (its steps may run in any order); the others combine their steps' limits.
 */
final class ContainerTransforms {
    private ContainerTransforms() {
    }

    /** {@code compose}: the steps one after the other, with fusable runs fused. */
    static final class Compose implements Transform<Object, Object> {
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

        List<ConfiguredTransform> steps() {
            return steps;
        }

        @Override
        public Object apply(Object input, RandomGenerator random) {
            return chain.apply(input, random);
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

        @Override
        public String toString() {
            return "compose" + describeSteps(steps);
        }
    }

    /** {@code random_apply}: all the steps, or none; torchvision's {@code if p < rand(): skip}. */
    static final class RandomApply implements Transform<Object, Object> {
        private final Compose steps;
        private final double p;

        RandomApply(List<ConfiguredTransform> steps, double p) {
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
        public String toString() {
            return "random_apply(p=" + p + ")" + describeSteps(steps.steps());
        }
    }

    /** {@code random_choice}: one step, drawn with the given weights (uniform without). */
    static final class RandomChoice implements Transform<Object, Object> {
        private final List<ConfiguredTransform> steps;
        private final double[] cumulative;

        /** @param weights one non-negative weight per step, not all zero; null for uniform */
        RandomChoice(List<ConfiguredTransform> steps, double[] weights) {
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
            return steps.get(choose(random)).apply(input, random);
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
        public String toString() {
            return "random_choice" + describeSteps(steps);
        }
    }

    /** {@code random_order}: every step, in an order shuffled per call. */
    static final class RandomOrder implements Transform<Object, Object> {
        private final List<ConfiguredTransform> steps;

        RandomOrder(List<ConfiguredTransform> steps) {
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
            List<ConfiguredTransform> shuffled = new ArrayList<>(steps.size());
            for (int i : order(random)) {
                shuffled.add(steps.get(i));
            }
            return ConfiguredTransform.applyAll(shuffled, input, random);
        }

        @Override
        public String toString() {
            return "random_order" + describeSteps(steps);
        }
    }

    private static String describeSteps(List<ConfiguredTransform> steps) {
        StringBuilder text = new StringBuilder("[");
        for (ConfiguredTransform step : steps) {
            text.append(text.length() > 1 ? ", " : "").append(step.transform());
        }
        return text.append(']').toString();
    }
}
