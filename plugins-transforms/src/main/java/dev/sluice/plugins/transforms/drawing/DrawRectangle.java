package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code draw_rectangle}: the seed recipe's {@code show_image_rect}, {@code cv2.rectangle(image, (x, y),
 * (x + w, y + h), colour, thickness)}, drawn into a copy of the image with OpenCV's pixels: corners
 * included, so the outline spans {@code w + 1} by {@code h + 1} pixels. Parts outside the image are
 * clipped.
 *
 * <p>Parameters (YAML key, Java, default):
 * <ul>
 *   <li>{@code rect} ({@link #of(Region)}; required): {@code [x, y, width, height]}; the outline runs
 *       from {@code (x, y)} to {@code (x + width, y + height)} inclusive;</li>
 *   <li>{@code color} ({@link #color(int...)}; red, {@code [255, 0, 0]}: what the seed meant; it handed
 *       OpenCV's BGR red to an RGB array and so drew blue): levels per channel; a missing alpha is
 *       opaque, other missing channels 0, a grey image takes the first level, as OpenCV does;</li>
 *   <li>{@code thickness} ({@link #thickness(int)}; 2): 1 for a one-pixel line; t for a band reaching
 *       {@code (t + t % 2) / 2} pixels either side of each side, with round corners of that radius
 *       (the outer corner pixel is left out, as OpenCV's round line caps leave it).</li>
 * </ul>
 *
 * <pre>{@code
 * - draw_rectangle: {rect: [40, 30, 200, 150]}        # YAML
 * DrawRectangle.of(new Region(40, 30, 200, 150))      // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; images of 1 to 4 channels.
 */
public final class DrawRectangle implements ImageTransform {
    /** The seed meant red: it passed OpenCV's BGR red (0, 0, 255) to an RGB array, which drew blue. */
    static final int[] RED = {255, 0, 0};

    private final Region rect;
    private final int[] color;
    private final int thickness;

    private DrawRectangle(Region rect, int[] color, int thickness) {
        if (thickness < 1) {
            throw new IllegalArgumentException("thickness must be >= 1, was " + thickness);
        }
        this.rect = Objects.requireNonNull(rect, "rect");
        this.color = FillLevels.checked(color);
        this.thickness = thickness;
    }

    /** The outline of {@code rect}, red, thickness 2. */
    public static DrawRectangle of(Region rect) {
        return new DrawRectangle(rect, RED, 2);
    }

    /**
     * This outline in {@code levels}, one per channel.
     *
     * @throws IllegalArgumentException when there are no levels or more than 4, or one is outside [0, 255]
     */
    public DrawRectangle color(int... levels) {
        return new DrawRectangle(rect, levels, thickness);
    }

    /**
     * This outline, {@code thickness} pixels thick.
     *
     * @throws IllegalArgumentException when {@code thickness < 1}
     */
    public DrawRectangle thickness(int thickness) {
        return new DrawRectangle(rect, color, thickness);
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        Raster.requireEightBit(image, "draw_rectangle");
        Raster raster = Raster.of(image);
        draw(raster, rect.x(), rect.y(), rect.width(), rect.height(), levels(color, image.channels()), thickness);
        return raster.toImage();
    }

    /**
     * The colour for an image of {@code channels}: channel c takes {@code color[c]}; a missing alpha
     * is opaque, other missing channels 0; a grey image takes the first level, as OpenCV does.
     */
    static int[] levels(int[] color, int channels) {
        int[] out = new int[channels];
        for (int c = 0; c < channels; c++) {
            boolean alpha = (channels == 2 && c == 1) || (channels == 4 && c == 3);
            out[c] = c < color.length && !(alpha && color.length < channels) ? color[c] : alpha ? 255 : 0;
        }
        return out;
    }

    /** Draws the outline of {@code (x, y)} to {@code (x + w, y + h)} into {@code target}. */
    static void draw(Raster target, int x, int y, int w, int h, int[] levels, int thickness) {
        int x1 = x + w;
        int y1 = y + h;
        if (thickness <= 1) {
            fill(target, x, y, x1, y, levels);
            fill(target, x, y1, x1, y1, levels);
            fill(target, x, y, x, y1, levels);
            fill(target, x1, y, x1, y1, levels);
            return;
        }
        int r = (thickness + thickness % 2) / 2;
        fill(target, x, y - r, x1, y + r, levels);
        fill(target, x, y1 - r, x1, y1 + r, levels);
        fill(target, x - r, y, x + r, y1, levels);
        fill(target, x1 - r, y, x1 + r, y1, levels);
        int[][] corners = {{x, y}, {x1, y}, {x, y1}, {x1, y1}};
        for (int[] corner : corners) {
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    if (dx * dx + dy * dy <= r * r) {
                        fill(target, corner[0] + dx, corner[1] + dy, corner[0] + dx, corner[1] + dy, levels);
                    }
                }
            }
        }
    }

    /** Sets every pixel of {@code [x0, x1] x [y0, y1]} (inclusive, clipped) to {@code levels}. */
    static void fill(Raster target, int x0, int y0, int x1, int y1, int[] levels) {
        int channels = target.channels;
        int left = Math.max(0, x0);
        int right = Math.min(target.width - 1, x1);
        int top = Math.max(0, y0);
        int bottom = Math.min(target.height - 1, y1);
        for (int py = top; py <= bottom; py++) {
            for (int px = left, at = (py * target.width + left) * channels; px <= right; px++) {
                for (int c = 0; c < channels; c++) {
                    target.data[at++] = (byte) levels[c];
                }
            }
        }
    }

    @Override
    public String toString() {
        return "draw_rectangle(rect=" + rect + ", color=" + Arrays.toString(color) + ", thickness=" + thickness + ")";
    }
}
