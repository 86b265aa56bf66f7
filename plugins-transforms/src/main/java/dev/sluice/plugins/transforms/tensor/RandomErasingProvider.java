package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code random_erasing} in configuration: builds the {@link RandomErasing} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown or malformed.
 */
public final class RandomErasingProvider extends DeclaredTransformProvider<RandomErasing> {
    private static final Set<String> OPTIONS = Set.of("p", "scale", "ratio", "value", "inplace");

    /** Constructs the provider; does nothing else. */
    public RandomErasingProvider() {
        super("random_erasing", OPTIONS, RandomErasingProvider::build);
    }

    private static RandomErasing build(Options options) {
        options.getBoolean("inplace", false);
        double[] scale = SharedOptions.range(options, "scale", new double[] {0.02, 0.33});
        double[] ratio = SharedOptions.range(options, "ratio", new double[] {0.3, 3.3});
        RandomErasing erasing = RandomErasing.of().p(SharedOptions.probability(options, "p", 0.5));
        RandomErasing scaled = SharedOptions.checkedAt(options, "scale", () -> erasing.scale(scale[0], scale[1]));
        RandomErasing shaped = SharedOptions.checkedAt(options, "ratio", () -> scaled.ratio(ratio[0], ratio[1]));
        Object value = options.raw("value");
        if (value == null) {
            return shaped;
        }
        if (value instanceof String word) {
            if (!word.equals("random")) {
                throw new OptionsException(options.keyPath("value"), "If value is str, it should be 'random', was '"
                        + word + "'");
            }
            return shaped.randomValue();
        }
        double[] values = options.getDoubles("value", null);
        if (values.length < 1 || values.length > 4) {
            throw new OptionsException(options.keyPath("value"), "must be a number, a list of 1 to 4 numbers (one per "
                    + "channel) or 'random', was " + SharedOptions.describe(value));
        }
        return SharedOptions.checkedAt(options, "value", () -> shaped.value(values));
    }
}
