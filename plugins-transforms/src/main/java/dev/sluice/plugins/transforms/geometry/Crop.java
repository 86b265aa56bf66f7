package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.target.Targeted;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code crop}: the seed recipe's {@code get_rect_image}, a fixed rectangle of the image.
 *
 * <p>Parameter (YAML key, Java, default):
 * <ul>
 *   <li>{@code rect} ({@link #of(Region)}; required): {@code [x, y, width, height]} in pixels, the
 *       top-left corner included. Unlike the seed's NumPy slicing, which silently returns less than
 *       asked for, a rectangle that does not lie wholly inside the image is an error.</li>
 * </ul>
 *
 * <pre>{@code
 * - crop: {rect: [40, 30, 200, 150]}          # YAML
 * Crop.of(new Region(40, 30, 200, 150))       // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; it throws
 * {@link IllegalArgumentException} for an image the rectangle does not fit in.
 */
public final class Crop implements ImageTransform {
    private final Region rect;

    private Crop(Region rect) {
        this.rect = Objects.requireNonNull(rect, "rect");
    }

    /** The crop of {@code rect}. */
    public static Crop of(Region rect) {
        return new Crop(rect);
    }

    /** The rectangle it cuts. */
    public Region rect() {
        return rect;
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        if (!rect.fitsIn(image.width(), image.height())) {
            throw new IllegalArgumentException("crop rectangle " + rect + " is not inside the " + image.width()
                    + "x" + image.height() + " image");
        }
        return cut(Raster.of(image), rect).toImage();
    }

    /** The image cut, and its targets moved as torchvision's {@code crop} moves them (boxes clamped). */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        return Targeted.of(apply(input.value(), random),
                input.targets().cropped(rect.x(), rect.y(), rect.width(), rect.height()));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /** The rectangle {@code rect} of {@code source}, which must lie inside it; the source itself when it is all of it. */
    static Raster cut(Raster source, Region rect) {
        if (rect.x() == 0 && rect.y() == 0 && rect.width() == source.width && rect.height() == source.height) {
            return source;
        }
        int channels = source.channels;
        byte[] out = new byte[rect.width() * rect.height() * channels];
        int rowBytes = rect.width() * channels;
        for (int y = 0; y < rect.height(); y++) {
            System.arraycopy(source.data, ((rect.y() + y) * source.width + rect.x()) * channels, out, y * rowBytes, rowBytes);
        }
        return new Raster(out, rect.width(), rect.height(), channels);
    }

    @Override
    public String toString() {
        return "crop(rect=" + rect + ")";
    }
}
