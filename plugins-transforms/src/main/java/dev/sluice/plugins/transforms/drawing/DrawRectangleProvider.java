package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.geometry.CropProvider;
import java.util.Set;

/**
 * {@code draw_rectangle}: the seed recipe's {@code show_image_rect}, an outlined rectangle drawn
 * into a copy of the image with OpenCV's {@code cv2.rectangle} pixels.
 *
 * <p>Options: {@code rect} (required): {@code [x, y, width, height]}; as in the seed, the outline
 * runs from {@code (x, y)} to {@code (x + width, y + height)} inclusive, and parts outside the image
 * are clipped. {@code color}: levels per channel (default red, {@code [255, 0, 0]}: what the seed
 * meant; it handed OpenCV's BGR red to an RGB array and so drew blue). {@code thickness} (2): 1 for a
 * one-pixel line; t for a band {@code (t + t % 2) / 2} pixels either side of each side, with round corners.
 *
 * <pre>{@code
 * - draw_rectangle: {rect: [40, 30, 200, 150]}
 * }</pre>
 */
public final class DrawRectangleProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public DrawRectangleProvider() {
    }

    /** {@code "draw_rectangle"}. */
    @Override
    public String id() {
        return "draw_rectangle";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 to 4 channels (a grey image takes the first
     * colour level), safe for concurrent use, that never draws from its random source.
     *
     * @throws OptionsException naming the key path when an option is unknown, {@code rect} is missing or
     *         malformed, a level is outside [0, 255] or the thickness is below 1
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("rect", "color", "thickness"));
        int[] color = options.has("color") ? SharedOptions.fill(options, "color") : Rectangles.RED;
        int thickness = options.getInt("thickness", 2);
        if (thickness < 1) {
            throw new OptionsException(options.keyPath("thickness"), "must be >= 1, was " + thickness);
        }
        return new Rectangles(CropProvider.rect(options, "rect"), color, thickness);
    }
}
