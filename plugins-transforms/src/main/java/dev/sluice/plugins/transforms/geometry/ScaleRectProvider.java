package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code scale_rect}: the seed recipe's {@code scale_rect}, for boxes that must follow an image
 * through a resize. The input is a {@link Region} {@code [x, y, w, h]}; each of x and w is multiplied
 * by {@code dest width / orig width}, y and h by the height ratio, and truncated as the seed's
 * {@code int()}.
 *
 * <p>Options (both required): {@code orig_shape} and {@code dest_shape}, each {@code [height, width]}
 * (NumPy's order, as the seed), every side {@code >= 1}.
 *
 * <pre>{@code
 * - scale_rect: {orig_shape: [375, 500], dest_shape: [256, 341]}
 * }</pre>
 */
public final class ScaleRectProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public ScaleRectProvider() {
    }

    /** {@code "scale_rect"}. */
    @Override
    public String id() {
        return "scale_rect";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Region, Region>}, safe for concurrent use, that never draws from its random
     * source; it throws {@link IllegalArgumentException} when the scaled box would be empty.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or not two sides {@code >= 1}
     */
    @Override
    public Transform<Region, Region> create(Options options) {
        options.requireOnly(Set.of("orig_shape", "dest_shape"));
        int[] orig = shape(options, "orig_shape");
        int[] dest = shape(options, "dest_shape");
        return new ScaleRect(orig[0], orig[1], dest[0], dest[1]);
    }

    private static int[] shape(Options options, String key) {
        int[] shape = SharedOptions.wholeNumbers(options, key, 1, 2);
        if (shape == null) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        return shape;
    }
}
