package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Image;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.Raster;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code side_by_side}: the seed recipe's {@code np.hstack((orig, dest))} in
 * {@code combime_save_image}: a list of images placed left to right, top-aligned; images of unequal
 * height leave the rest of their column in the fill colour. Grey images are repeated into RGB when
 * mixed with colour ones; alpha is refused when mixed with images without it.
 *
 * <p>Parameters (YAML key, Java, default):
 * <ul>
 *   <li>{@code gap} ({@link #gap(int)}; 0): pixels between neighbours;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; 0): levels, one or one per channel, for the gaps and
 *       below images shorter than the tallest.</li>
 * </ul>
 *
 * <pre>{@code
 * - side_by_side: {gap: 4}          # YAML
 * SideBySide.of().gap(4)            // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source. It takes a non-empty
 * list of {@link Image}s and throws {@link IllegalArgumentException} for an empty list, an entry that
 * is not an image, or alpha mixed with images without it.
 */
public final class SideBySide implements Transform<List<?>, Image> {
    private final int gap;
    private final int[] fill;

    private SideBySide(int gap, int[] fill) {
        if (gap < 0) {
            throw new IllegalArgumentException("gap must be >= 0, was " + gap);
        }
        this.gap = gap;
        this.fill = FillLevels.checked(fill);
    }

    /** Images touching, background 0. */
    public static SideBySide of() {
        return new SideBySide(0, new int[] {0});
    }

    /**
     * These images {@code gap} pixels apart.
     *
     * @throws IllegalArgumentException when {@code gap < 0}
     */
    public SideBySide gap(int gap) {
        return new SideBySide(gap, fill);
    }

    /**
     * These images on a background of {@code levels}.
     *
     * @throws IllegalArgumentException as {@link DrawRectangle#color(int...)}
     */
    public SideBySide fill(int... levels) {
        return new SideBySide(gap, levels);
    }

    @Override
    public Image apply(List<?> images, RandomGenerator random) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("side_by_side needs at least one image, got an empty list");
        }
        int width = gap * (images.size() - 1);
        int height = 0;
        int channels = 0;
        for (int i = 0; i < images.size(); i++) {
            if (!(images.get(i) instanceof Image image)) {
                throw new IllegalArgumentException("side_by_side takes a list of Images; entry " + i + " is "
                        + (images.get(i) == null ? "null" : images.get(i).getClass().getName()));
            }
            Raster.requireEightBit(image, "side_by_side");
            width += image.width();
            height = Math.max(height, image.height());
            channels = Math.max(channels, image.channels());
        }
        Raster out = new Raster(new byte[width * height * channels], width, height, channels);
        int[] background = DrawRectangle.levels(fill, channels);
        DrawRectangle.fill(out, 0, 0, width - 1, height - 1, background);
        int left = 0;
        for (int i = 0; i < images.size(); i++) {
            Image image = (Image) images.get(i);
            paste(out, Raster.of(image), left, 0, i);
            left += image.width() + gap;
        }
        return out.toImage();
    }

    /** Copies {@code image} into {@code target} at {@code (left, top)}, converting grey to RGB where needed. */
    static void paste(Raster target, Raster image, int left, int top, int entry) {
        int from = image.channels;
        int to = target.channels;
        boolean greyToColour = from <= 2 && to >= 3;
        if (from != to && !(greyToColour && (from == 1 || to == 4))) {
            throw new IllegalArgumentException("cannot put an image of " + from + " channels (entry " + entry
                    + ") beside one of " + to);
        }
        for (int y = 0; y < image.height; y++) {
            int py = top + y;
            if (py < 0 || py >= target.height) {
                continue;
            }
            for (int x = 0; x < image.width; x++) {
                int px = left + x;
                if (px < 0 || px >= target.width) {
                    continue;
                }
                int src = (y * image.width + x) * from;
                int dst = (py * target.width + px) * to;
                if (from == to) {
                    System.arraycopy(image.data, src, target.data, dst, to);
                } else {
                    byte grey = image.data[src];
                    target.data[dst] = grey;
                    target.data[dst + 1] = grey;
                    target.data[dst + 2] = grey;
                    if (to == 4) {
                        target.data[dst + 3] = from == 2 ? image.data[src + 1] : (byte) 255;
                    }
                }
            }
        }
    }

    @Override
    public Class<?> inputType() {
        return List.class;
    }

    @Override
    public Class<?> outputType() {
        return Image.class;
    }

    @Override
    public String toString() {
        return "side_by_side(gap=" + gap + ")";
    }
}
