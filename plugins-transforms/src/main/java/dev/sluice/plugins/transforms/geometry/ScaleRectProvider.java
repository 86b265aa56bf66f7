package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.Size;
import java.util.Set;

/** {@code scale_rect} in configuration: builds the {@link ScaleRect} its options describe (one implementation). */
public final class ScaleRectProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public ScaleRectProvider() {
        super("scale_rect");
    }

    /**
     * The {@link ScaleRect} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or not two sides {@code >= 1}
     */
    @Override
    public ScaleRect create(Options options) {
        options.requireOnly(Set.of("orig_shape", "dest_shape"));
        return ScaleRect.of(shape(options, "orig_shape"), shape(options, "dest_shape"));
    }

    /** {@code [height, width]}, NumPy's order. */
    private static Size shape(Options options, String key) {
        int[] shape = SharedOptions.wholeNumbers(options, key, 1, 2);
        if (shape == null) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        return new Size(shape[1], shape[0]);
    }
}
