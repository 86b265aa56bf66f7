package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.Size;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code random_crop}: torchvision's {@code RandomCrop}, a crop at a uniformly random position.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code size} ({@link #of(int)}, {@link #of(Size)}; required): a number for a square, or
 *       {@code [height, width]} in YAML;</li>
 *   <li>{@code padding} ({@link #padding(Padding)}; none): a number for every side,
 *       {@code [left/right, top/bottom]} or {@code [left, top, right, bottom]}, applied first;</li>
 *   <li>{@code pad_if_needed} ({@link #padIfNeeded(boolean)}; false): pads a side smaller than the
 *       crop by the difference on both ends;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; 0) and {@code padding_mode}
 *       ({@link #paddingMode(Pad.Mode)}; {@code constant}): as for {@link Pad}.</li>
 * </ul>
 * The crop's top and then its left are drawn uniformly from the random source; nothing is drawn when
 * the image already has the crop size.
 *
 * <pre>{@code
 * - random_crop: {size: 32, padding: 4, padding_mode: reflect}                 # YAML
 * RandomCrop.of(32).padding(Padding.of(4)).paddingMode(Pad.Mode.REFLECT)       // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use; images of 1 to 4 channels. It throws
 * {@link IllegalArgumentException} when the (padded) image is smaller than the crop, or a mirrored
 * padding is wider than the image.
 */
public final class RandomCrop implements ImageTransform {
    private final Size size;
    private final Padding padding;
    private final boolean padIfNeeded;
    private final int[] fill;
    private final Pad.Mode mode;

    private RandomCrop(Size size, Padding padding, boolean padIfNeeded, int[] fill, Pad.Mode mode) {
        this.size = Objects.requireNonNull(size, "size");
        this.padding = Objects.requireNonNull(padding, "padding");
        this.padIfNeeded = padIfNeeded;
        this.fill = FillLevels.checked(fill);
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * A square crop of side {@code size}, without padding.
     *
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public static RandomCrop of(int size) {
        return of(Size.square(size));
    }

    /** A crop of {@code size}, without padding. */
    public static RandomCrop of(Size size) {
        return new RandomCrop(size, Padding.of(0), false, new int[] {0}, Pad.Mode.CONSTANT);
    }

    /** This crop, after adding {@code padding} to the image. */
    public RandomCrop padding(Padding padding) {
        return new RandomCrop(size, padding, padIfNeeded, fill, mode);
    }

    /** This crop, padding a side of the image smaller than the crop when {@code padIfNeeded}. */
    public RandomCrop padIfNeeded(boolean padIfNeeded) {
        return new RandomCrop(size, padding, padIfNeeded, fill, mode);
    }

    /**
     * This crop, with constant padding of {@code levels}.
     *
     * @throws IllegalArgumentException as {@link Pad#fill(int...)}
     */
    public RandomCrop fill(int... levels) {
        return new RandomCrop(size, padding, padIfNeeded, levels, mode);
    }

    /** This crop, with padding filled by {@code mode}. */
    public RandomCrop paddingMode(Pad.Mode mode) {
        return new RandomCrop(size, padding, padIfNeeded, fill, mode);
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return applyWithTargets(Targeted.of(image), random).value();
    }

    /**
     * The image padded and cropped at the drawn position, and its targets padded and cropped the same
     * way: boxes shifted and clamped by each step (constant padding only), the mask padded as the
     * image and cut with it, key points shifted. torchvision v2 pads once by the sum of the margins;
     * with constant padding that is the same, and the other modes refuse boxes and key points.
     *
     * @throws dev.sluice.api.target.UnsupportedTargetsException as {@link Pad}'s
     */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Targets targets = input.targets();
        Raster source = Pad.pad(Raster.of(input.value()), padding, mode, fill);
        targets = TargetMoves.pad(targets, padding, mode, fill);
        if (padIfNeeded && source.width < size.width()) {
            int extra = size.width() - source.width;
            Padding sides = new Padding(extra, 0, extra, 0);
            source = Pad.pad(source, sides, mode, fill);
            targets = TargetMoves.pad(targets, sides, mode, fill);
        }
        if (padIfNeeded && source.height < size.height()) {
            int extra = size.height() - source.height;
            Padding sides = new Padding(0, extra, 0, extra);
            source = Pad.pad(source, sides, mode, fill);
            targets = TargetMoves.pad(targets, sides, mode, fill);
        }
        Region crop = position(source.width, source.height, random);
        return Targeted.of(Crop.cut(source, crop).toImage(),
                targets.cropped(crop.x(), crop.y(), crop.width(), crop.height()));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /**
     * torchvision's {@code RandomCrop.get_params}: the crop's rectangle, drawing the top then the
     * left uniformly, or nothing when the image already has the crop size.
     *
     * @throws IllegalArgumentException when the (padded) image is smaller than the crop
     */
    Region position(int imageWidth, int imageHeight, RandomGenerator random) {
        int height = size.height();
        int width = size.width();
        if (imageHeight < height || imageWidth < width) {
            throw new IllegalArgumentException("Required crop size (" + height + ", " + width
                    + ") is larger than input image size (" + imageHeight + ", " + imageWidth + ")");
        }
        if (imageWidth == width && imageHeight == height) {
            return new Region(0, 0, width, height);
        }
        int top = random.nextInt(imageHeight - height + 1);
        int left = random.nextInt(imageWidth - width + 1);
        return new Region(left, top, width, height);
    }

    @Override
    public String toString() {
        return "random_crop(size=" + size + ", padding=" + padding + ", pad_if_needed=" + padIfNeeded + ", fill="
                + Arrays.toString(fill) + ", padding_mode=" + mode.id() + ")";
    }
}
