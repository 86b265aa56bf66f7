package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code crop}: the seed recipe's {@code get_rect_image}, a fixed rectangle.
 *
 * <p>Option {@code rect} (required): {@code [x, y, width, height]} in pixels, the top-left corner
 * included. Unlike the seed's NumPy slicing, which silently returns less than asked for, a rectangle
 * that does not lie wholly inside the image is an error.
 *
 * <pre>{@code
 * - crop: {rect: [40, 30, 200, 150]}
 * }</pre>
 */
public final class CropProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public CropProvider() {
    }

    /** {@code "crop"}. */
    @Override
    public String id() {
        return "crop";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>}, safe for concurrent use, that never draws from its random
     * source and throws {@link IllegalArgumentException} for an image the rectangle does not fit in.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code rect} is missing or malformed
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("rect"));
        return new Crops.Rect(rect(options, "rect"));
    }

    /** {@code [x, y, width, height]} with a non-negative corner and a positive size. */
    public static Region rect(Options options, String key) {
        int[] r = SharedOptions.wholeNumbers(options, key, 0, 4);
        if (r == null) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        if (r[2] < 1 || r[3] < 1) {
            throw new OptionsException(options.keyPath(key), "must be [x, y, width, height] with width and height >= 1, was "
                    + SharedOptions.describe(options.raw(key)));
        }
        return new Region(r[0], r[1], r[2], r[3]);
    }
}
