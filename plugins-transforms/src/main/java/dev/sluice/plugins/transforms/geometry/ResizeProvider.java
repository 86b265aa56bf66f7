package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.kernels.Interpolation;
import java.util.Set;

/**
 * {@code resize}: torchvision's {@code Resize}, and the seed recipe's {@code resize_image}.
 *
 * <p>Options, in one of two forms:
 * <ul>
 *   <li>torchvision's: {@code size}, a number (the shorter side becomes that, the longer one
 *       {@code int(size * long / short)}, truncated) or {@code [height, width]}; {@code max_size}
 *       (with a single number only, and greater than it) caps the longer side;</li>
 *   <li>the seed's: {@code height} and/or {@code width}; a missing one keeps the aspect ratio
 *       ({@code int(h * width / w)}, truncated).</li>
 * </ul>
 * Both forms take {@code interpolation} ({@code nearest}, {@code bilinear} (default),
 * {@code bicubic}, {@code area}) and {@code antialias}. With {@code antialias: true}, bilinear and
 * bicubic are torchvision 0.14's antialiased tensor resize (PIL's method: within one level of PIL
 * for bilinear, three for bicubic, since PIL rounds to 8 bits between its two passes); with {@code false}, every mode is {@code cv2.resize} (INTER_NEAREST, INTER_LINEAR,
 * INTER_CUBIC, INTER_AREA) on 8-bit images. Nearest and area are always OpenCV's. {@code antialias}
 * defaults to true in both forms, as in torchvision 2.x; the seed's {@code cv2.resize} is
 * {@code antialias: false}. An image already of the output size is returned as it is.
 *
 * <p>Under {@code decoder.reduce: auto} the decoder may hand it an image reduced by 2, 4 or 8 (the
 * largest that is still at least the output size on both sides and gives the same output size);
 * {@code scale}, whose output is proportional to its input, always gets the full-size image.
 *
 * <pre>{@code
 * - resize: {size: 256}                         # shorter side 256, antialiased bilinear
 * - resize: {height: 224, width: 224, antialias: false}   # cv2.resize, as the seed recipe
 * }</pre>
 */
public final class ResizeProvider implements TransformProvider {
    private static final Set<String> OPTIONS = Set.of("size", "max_size", "interpolation", "antialias", "height", "width");

    /** Constructs the provider; does nothing else. */
    public ResizeProvider() {
    }

    /** {@code "resize"}. */
    @Override
    public String id() {
        return "resize";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>}, safe for concurrent use, that never draws from its random source.
     * It accepts images of 1 to 4 channels and throws {@link IllegalArgumentException} when the output
     * would have a side of 0.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or out of range,
     *         or when both forms are mixed
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(OPTIONS);
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.BILINEAR,
                Interpolation.values());
        boolean seedForm = options.has("height") || options.has("width");
        if (seedForm) {
            if (options.has("size") || options.has("max_size")) {
                String key = options.has("size") ? "size" : "max_size";
                throw new OptionsException(options.keyPath(key), "give either size (torchvision's form) or "
                        + "height/width (the seed's form), not both");
            }
            int height = options.has("height") ? positive(options, "height") : -1;
            int width = options.has("width") ? positive(options, "width") : -1;
            return Resize.seed(height, width, interpolation, options.getBoolean("antialias", true));
        }
        if (!options.has("size")) {
            throw new OptionsException(options.keyPath("size"), "required option is missing (or give height and/or width)");
        }
        int[] size = SharedOptions.wholeNumbers(options, "size", 1, 1, 2);
        int maxSize = 0;
        if (options.has("max_size")) {
            if (size.length != 1) {
                throw new OptionsException(options.keyPath("max_size"), "max_size should only be passed if size "
                        + "specifies the length of the smaller edge, i.e. size should be a single number");
            }
            maxSize = positive(options, "max_size");
            if (maxSize <= size[0]) {
                throw new OptionsException(options.keyPath("max_size"), "max_size = " + maxSize + " must be strictly "
                        + "greater than the requested size for the smaller edge size = " + size[0]);
            }
        }
        return Resize.torchvision(size, maxSize, interpolation, options.getBoolean("antialias", true));
    }

    private static int positive(Options options, String key) {
        int value = options.getInt(key, 0);
        if (value < 1) {
            throw new OptionsException(options.keyPath(key), "must be >= 1, was " + value);
        }
        return value;
    }
}
