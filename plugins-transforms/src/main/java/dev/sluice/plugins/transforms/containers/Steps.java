package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** What the containers share: steps given in Java named as configured ones, and their descriptions. */
final class Steps {
    private Steps() {
    }

    /**
     * {@code transforms} as the steps of the container {@code container}, each named by its class
     * and placed at {@code <container>.transforms[i]}, as a configured list would place it, so that a
     * step that does not fit is named the same way.
     *
     * @throws IllegalArgumentException when there is no step
     * @throws NullPointerException when a step is null
     */
    static List<ConfiguredTransform> of(String container, List<? extends Transform<?, ?>> transforms) {
        if (transforms.isEmpty()) {
            throw new IllegalArgumentException(container + " needs at least one transform");
        }
        List<ConfiguredTransform> steps = new ArrayList<>();
        for (int i = 0; i < transforms.size(); i++) {
            Transform<?, ?> step = Objects.requireNonNull(transforms.get(i), () -> container + " got a null transform");
            String name = step.getClass().getSimpleName();
            steps.add(new ConfiguredTransform(name.isEmpty() ? "transform" : name, container + ".transforms[" + i + "]",
                    step));
        }
        return List.copyOf(steps);
    }

    /** {@code first} when every one of {@code others} is the same count, otherwise unknown. */
    static OptionalInt agreed(OptionalInt first, List<OptionalInt> others) {
        for (OptionalInt other : others) {
            if (!other.equals(first)) {
                return OptionalInt.empty();
            }
        }
        return first;
    }

    /** The channels each step gives for {@code input}, each checked on its own. */
    static List<OptionalInt> eachChannels(List<ConfiguredTransform> steps, OptionalInt input, String source) {
        List<OptionalInt> outputs = new ArrayList<>();
        for (ConfiguredTransform step : steps) {
            outputs.add(ConfiguredTransform.requireChannels(List.of(step), input, source));
        }
        return outputs;
    }

    /** {@code [step, step, ...]}. */
    static String describe(List<ConfiguredTransform> steps) {
        StringBuilder text = new StringBuilder("[");
        for (ConfiguredTransform step : steps) {
            text.append(text.length() > 1 ? ", " : "").append(step.transform());
        }
        return text.append(']').toString();
    }
}
