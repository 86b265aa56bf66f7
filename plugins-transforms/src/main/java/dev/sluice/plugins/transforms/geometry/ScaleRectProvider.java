package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.Size;
import java.util.Set;

/**
 * {@code scale_rect} in configuration: builds the {@link ScaleRect} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, missing or not two sides {@code >= 1}.
 */
public final class ScaleRectProvider extends DeclaredTransformProvider<ScaleRect> {

    /** Constructs the provider; does nothing else. */
    public ScaleRectProvider() {
        super("scale_rect", Set.of("orig_shape", "dest_shape"),
                options -> ScaleRect.of(shape(options, "orig_shape"), shape(options, "dest_shape")));
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
