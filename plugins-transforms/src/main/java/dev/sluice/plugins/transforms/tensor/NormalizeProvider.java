package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code normalize} in configuration: builds the {@link Normalize} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, {@code mean} or {@code std} is missing, or a std is 0.
 */
public final class NormalizeProvider extends DeclaredTransformProvider<Normalize> {

    /** Constructs the provider; does nothing else. */
    public NormalizeProvider() {
        super("normalize", Set.of("mean", "std", "inplace"), NormalizeProvider::build);
    }

    private static Normalize build(Options options) {
        options.getBoolean("inplace", false);
        double[] mean = required(options, "mean");
        double[] std = required(options, "std");
        return SharedOptions.checkedAt(options, "std",
                () -> new Normalize(mean, std, options.keyPath("mean"), options.keyPath("std")));
    }

    private static double[] required(Options options, String key) {
        double[] values = options.getDoubles(key, null);
        if (values == null || values.length == 0) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        return values;
    }
}
