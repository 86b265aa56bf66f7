package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.spi.ContainerTransformProvider;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.List;
import java.util.Set;

/**
 * {@code random_choice}: torchvision's {@code RandomChoice}: one of the steps, drawn per call.
 *
 * <p>Options: {@code transforms} (required): a list as for {@code compose}; {@code p}: one
 * non-negative weight per step, not all zero (they need not sum to 1); uniform when absent. Each
 * call draws one uniform number to choose.
 *
 * <pre>{@code
 * - random_choice:
 *     transforms: [random_horizontal_flip, random_vertical_flip]
 * }</pre>
 */
public final class RandomChoiceProvider implements ContainerTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomChoiceProvider() {
    }

    /** {@code "random_choice"}. */
    @Override
    public String id() {
        return "random_choice";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Object, Object>}, safe for concurrent use when every step is.
     *
     * @throws OptionsException naming the key path when an option is unknown, the weights do not match
     *         the steps or are negative or all zero, or {@code transforms} is wrong as for {@code compose}
     */
    @Override
    public Transform<Object, Object> create(Options options, TransformLookup lookup) {
        options.requireOnly(Set.of("transforms", "p"));
        List<ConfiguredTransform> steps = lookup.steps(options, "transforms");
        double[] weights = options.getDoubles("p", null);
        if (weights != null) {
            if (weights.length != steps.size()) {
                throw new OptionsException(options.keyPath("p"), "Length of p doesn't match the number of transforms: "
                        + weights.length + " != " + steps.size());
            }
            double total = 0;
            for (double w : weights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new OptionsException(options.keyPath("p"), "must hold finite weights >= 0, was "
                            + SharedOptions.describe(options.raw("p")));
                }
                total += w;
            }
            if (total == 0) {
                throw new OptionsException(options.keyPath("p"), "Total of weights must be greater than zero");
            }
        }
        return new ContainerTransforms.RandomChoice(steps, weights);
    }
}
