package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Image;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.Raster;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code side_by_side}: images placed left to right, top-aligned, {@code gap} pixels apart, as the
 * seed's {@code np.hstack((orig, dest))}; images of unequal height leave the rest of their column
 * in the fill colour. Grey images are repeated into RGB when mixed with colour ones; alpha is
 * refused when mixed with images without it.
 */
final class SideBySide implements Transform<List<?>, Image> {
    private final int gap;
    private final int[] fill;

    SideBySide(int gap, int[] fill) {
        this.gap = gap;
        this.fill = fill.clone();
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
            width += image.width();
            height = Math.max(height, image.height());
            channels = Math.max(channels, image.channels());
        }
        Raster out = new Raster(new byte[width * height * channels], width, height, channels);
        int[] background = Rectangles.levels(fill, channels);
        Rectangles.fill(out, 0, 0, width - 1, height - 1, background);
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
