package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;

/**
 * {@code color_jitter} in configuration: builds the {@link ColorJitter} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, negative, or a range is out of bounds or not {@code [min, max]}.
 */
public final class ColorJitterProvider extends DeclaredTransformProvider<ColorJitter> {

    /** Constructs the provider; does nothing else. */
    public ColorJitterProvider() {
        super("color_jitter", Set.of("brightness", "contrast", "saturation", "hue"), ColorJitterProvider::build);
    }

    private static ColorJitter build(Options options) {
        ColorJitter jitter = ColorJitter.of();
        jitter = adjustment(options, "brightness", jitter, jitter::brightness, jitter::brightness);
        jitter = adjustment(options, "contrast", jitter, jitter::contrast, jitter::contrast);
        jitter = adjustment(options, "saturation", jitter, jitter::saturation, jitter::saturation);
        return adjustment(options, "hue", jitter, jitter::hue, jitter::hue);
    }

    /** {@code jitter} with the option {@code key}, a number or {@code [min, max]}, when given. */
    private static ColorJitter adjustment(Options options, String key, ColorJitter jitter,
            DoubleFunction<ColorJitter> around, BiFunction<Double, Double, ColorJitter> between) {
        if (!options.has(key)) {
            return jitter;
        }
        double[] values = options.getDoubles(key, null);
        if (values.length != 1 && values.length != 2) {
            throw new OptionsException(options.keyPath(key), key + " should be a single number or a list of length 2, was "
                    + SharedOptions.describe(options.raw(key)));
        }
        return SharedOptions.checkedAt(options, key,
                () -> values.length == 1 ? around.apply(values[0]) : between.apply(values[0], values[1]));
    }
}
