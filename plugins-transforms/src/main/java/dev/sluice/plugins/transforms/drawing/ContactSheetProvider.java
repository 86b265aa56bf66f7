package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;

/**
 * {@code contact_sheet}: a batch drawn as one RGB image with each image's labels printed under it,
 * for what the seed recipe showed in a window. The layout is torchvision's {@code make_grid}; the
 * text is drawn with a small built-in 5x7 pixel font, without {@code java.awt}, so it works headless
 * and gives the same pixels everywhere.
 *
 * <p>The input is a {@link dev.sluice.api.Tensor} of images, or a list {@code [images, labels]} or
 * {@code [images, labels, boxes]} of tensors: images float32 N x C x H x W in [0, 1] or uint8
 * N x H x W x C; labels N x K numbers (printed separated by spaces, wrapped to the image width);
 * boxes N x 4 or N x B x 4 {@code [x, y, w, h]}, outlined in red, thickness 2.
 *
 * <p>Options: {@code nrow} (8): images per row; {@code padding} (2): pixels around each image;
 * {@code pad_value} (0.0, in image units [0, 1]); {@code font_scale} (1): pixels per font pixel;
 * {@code mean} and {@code std}: given together, to undo a {@code normalize} before drawing.
 *
 * <pre>{@code
 * - contact_sheet: {nrow: 4, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}
 * }</pre>
 */
public final class ContactSheetProvider implements TransformProvider {
    private static final Set<String> OPTIONS = Set.of("nrow", "padding", "pad_value", "font_scale", "mean", "std");

    /** Constructs the provider; does nothing else. */
    public ContactSheetProvider() {
    }

    /** {@code "contact_sheet"}. */
    @Override
    public String id() {
        return "contact_sheet";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Object, Image>}, safe for concurrent use, that never draws from its random
     * source. It throws {@link IllegalArgumentException} when the input is not as described, or the
     * labels or boxes do not have one row per image.
     *
     * @throws OptionsException naming the key path when an option is unknown or out of range, or only
     *         one of {@code mean} and {@code std} is given
     */
    @Override
    public Transform<Object, Image> create(Options options) {
        options.requireOnly(OPTIONS);
        int nrow = atLeast(options, "nrow", 8, 1);
        int padding = atLeast(options, "padding", 2, 0);
        int fontScale = atLeast(options, "font_scale", 1, 1);
        double padValue = options.getDouble("pad_value", 0.0);
        if (!(padValue >= 0 && padValue <= 1)) {
            throw new OptionsException(options.keyPath("pad_value"), "must be in [0, 1], was " + padValue);
        }
        double[] mean = options.getDoubles("mean", null);
        double[] std = options.getDoubles("std", null);
        if ((mean == null) != (std == null)) {
            String missing = mean == null ? "mean" : "std";
            throw new OptionsException(options.keyPath(missing), "give mean and std together, to undo a normalize");
        }
        return new ContactSheet(nrow, padding, padValue, fontScale, mean, std);
    }

    private static int atLeast(Options options, String key, int fallback, int minimum) {
        int value = options.getInt(key, fallback);
        if (value < minimum) {
            throw new OptionsException(options.keyPath(key), "must be >= " + minimum + ", was " + value);
        }
        return value;
    }
}
