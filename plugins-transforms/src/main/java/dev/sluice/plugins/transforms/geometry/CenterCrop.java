package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.Size;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@code center_crop}: torchvision's {@code CenterCrop}, the central part of an image.
 *
 * <p>Parameter (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code size} ({@link #of(int)}, {@link #of(Size)}; required): a number for a square, or
 *       {@code [height, width]} in YAML. The crop starts at {@code round((side - crop) / 2)},
 *       rounding half to even as torchvision does (a 7-pixel side cropped to 2 starts at 2, as does a
 *       5-pixel one); a crop larger than the image is first zero-padded by half the difference on
 *       each side (the extra pixel after).</li>
 * </ul>
 *
 * <pre>{@code
 * - center_crop: {size: 224}                  # YAML
 * CenterCrop.of(224)                          // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; images of 1 to 4 channels.
 */
public final class CenterCrop implements ImageTransform {
    private final Size size;

    private CenterCrop(Size size) {
        this.size = Objects.requireNonNull(size, "size");
    }

    /**
     * A square crop of side {@code size}.
     *
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public static CenterCrop of(int size) {
        return new CenterCrop(Size.square(size));
    }

    /** A crop of {@code size}. */
    public static CenterCrop of(Size size) {
        return new CenterCrop(size);
    }

    /** The size of the crop. */
    public Size size() {
        return size;
    }

    /**
     * The rectangle it keeps of an image of {@code imageWidth x imageHeight}, which must be at least
     * the crop's size (a smaller image is padded first, see the class description).
     *
     * @throws IllegalArgumentException when the image is smaller than the crop
     */
    public Region window(int imageWidth, int imageHeight) {
        if (imageWidth < size.width() || imageHeight < size.height()) {
            throw new IllegalArgumentException("a " + imageWidth + "x" + imageHeight + " image is smaller than the crop "
                    + size + " and is padded first");
        }
        return new Region(offset(imageWidth, size.width()), offset(imageHeight, size.height()), size.width(),
                size.height());
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        if (image.width() == size.width() && image.height() == size.height()) {
            return image;
        }
        Raster source = Raster.of(image);
        if (size.width() > source.width || size.height() > source.height) {
            // torchvision: pad by (c - s) // 2 before and (c - s + 1) // 2 after, with zeros.
            int padX = Math.max(0, size.width() - source.width);
            int padY = Math.max(0, size.height() - source.height);
            source = Pad.pad(source, new Padding(padX / 2, padY / 2, (padX + 1) / 2, (padY + 1) / 2), Pad.Mode.CONSTANT,
                    new int[] {0});
        }
        return Crop.cut(source, window(source.width, source.height)).toImage();
    }

    /**
     * The image cropped, and its targets as torchvision v2's {@code center_crop} moves them: boxes and
     * key points cropped at {@code round((side - crop) / 2)} per axis (negative when the crop is
     * larger), the mask padded and cropped exactly as the image's pixels (the two differ by a pixel
     * when {@code (crop - side) mod 4 == 3}, as in torchvision).
     */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        return Targeted.of(apply(image, random), moveTargets(input.targets(), image.width(), image.height()));
    }

    /** The targets of a {@code width x height} image, moved as {@link #applyWithTargets} moves them. */
    public Targets moveTargets(Targets targets, int width, int height) {
        if (targets.isEmpty()) {
            return targets;
        }
        Targets moved = new Targets(targets.boxes(), Optional.empty(), targets.keyPoints())
                .cropped(offset(width, size.width()), offset(height, size.height()), size.width(), size.height());
        if (targets.mask().isPresent()) {
            int padX = Math.max(0, size.width() - width);
            int padY = Math.max(0, size.height() - height);
            Region kept = window(width + padX, height + padY);
            Targets mask = Targets.NONE.withMask(targets.mask().get())
                    .cropped(kept.x() - padX / 2, kept.y() - padY / 2, size.width(), size.height());
            moved = moved.withMask(mask.mask().get());
        }
        return moved;
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /** {@code int(round((side - crop) / 2.0))} with Python's round half to even. */
    static int offset(int side, int crop) {
        return (int) Math.rint((side - crop) / 2.0);
    }

    @Override
    public String toString() {
        return "center_crop(size=" + size + ")";
    }
}
