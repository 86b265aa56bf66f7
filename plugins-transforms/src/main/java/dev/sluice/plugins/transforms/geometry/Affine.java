package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * torchvision's functional {@code affine(img, angle, translate, scale, shear, interpolation, fill,
 * center)} on a tensor image, with given parameters: the image turned by {@code angle} degrees
 * (clockwise on screen), sheared, scaled and moved by {@code translate} pixels about {@code center},
 * each output pixel sampling the input through the inverse map with the float32 grid arithmetic of
 * torchvision 0.14 and PyTorch's {@code grid_sample}. It is the kernel behind {@code random_affine}
 * and {@code random_rotation}, and for the auto-augment family's shear, translate and rotate.
 *
 * <p>Parameters (torchvision name, Java, default):
 * <ul>
 *   <li>{@code angle}, {@code translate}, {@code scale}, {@code shear} ({@link #of}; required): degrees,
 *       pixels {@code (x, y)}, a factor {@code > 0}, and degrees along x then y;</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; nearest): nearest or bilinear;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; none): 0 to 255, one level or one per channel, for pixels
 *       the moved image does not cover. Without a fill (torchvision's {@code fill=None}) they are 0 and
 *       bilinear borders keep the blend with those zeros; with one, bilinear borders are blended
 *       with the fill by the covered fraction, as torchvision does;</li>
 *   <li>{@code center} ({@link #center(double, double)}; the image centre): {@code [x, y]} in pixels,
 *       the origin at the top-left corner of the top-left pixel.</li>
 * </ul>
 *
 * <pre>{@code
 * Affine.of(0, 0, 0, 1, Math.toDegrees(Math.atan(0.3)), 0).center(0, 0).apply(image)   // AutoAugment's ShearX 0.3
 * Affine.of(-30, 0, 0, 1, 0, 0).apply(image)   // torchvision's rotate(image, 30)
 * }</pre>
 *
 * <p>Targets move as torchvision v2's {@code affine} moves them: box corners and key points through
 * the forward map about the same centre (in absolute pixels), each box the bounding box of its
 * corners clamped to the canvas, key points not clamped, the mask warped as the image with nearest
 * sampling and the fill's one level (0 without a fill).
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; images of 1 to 4
 * channels. It throws {@link IllegalArgumentException} when a per-channel fill does not match the
 * image's channels, and {@link dev.sluice.api.target.UnsupportedTargetsException} for a mask with a
 * per-channel fill.
 */
public final class Affine implements ImageTransform {
    private final double angle;
    private final double[] translate;
    private final double scale;
    private final double[] shear;
    private final Interpolation interpolation;
    private final int[] fill;
    private final double[] center;

    private Affine(double angle, double[] translate, double scale, double[] shear, Interpolation interpolation,
            int[] fill, double[] center) {
        this.angle = angle;
        this.translate = translate;
        this.scale = scale;
        this.shear = shear;
        this.interpolation = interpolation;
        this.fill = fill;
        this.center = center;
    }

    /**
     * The map by these parameters, nearest, without a fill, about the image centre.
     *
     * @throws IllegalArgumentException when a parameter is not finite or {@code scale <= 0}
     */
    public static Affine of(double angle, double translateX, double translateY, double scale, double shearX,
            double shearY) {
        double[] all = {angle, translateX, translateY, scale, shearX, shearY};
        for (double value : all) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("affine parameters must be finite, were angle " + angle
                        + ", translate [" + translateX + ", " + translateY + "], scale " + scale + ", shear ["
                        + shearX + ", " + shearY + "]");
            }
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("Argument scale should be positive, was " + scale);
        }
        return new Affine(angle, new double[] {translateX, translateY}, scale, new double[] {shearX, shearY},
                Interpolation.NEAREST, null, null);
    }

    /**
     * This map, sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public Affine interpolation(Interpolation interpolation) {
        return new Affine(angle, translate, scale, shear, checked(interpolation), fill, center);
    }

    /**
     * This map, pixels it does not cover filled with {@code levels}.
     *
     * @throws IllegalArgumentException as {@link FillLevels#checked(int...)}
     */
    public Affine fill(int... levels) {
        return new Affine(angle, translate, scale, shear, interpolation, FillLevels.checked(levels), center);
    }

    /** This map about the point {@code (x, y)} in pixels rather than the image centre. */
    public Affine center(double x, double y) {
        return new Affine(angle, translate, scale, shear, interpolation, fill, new double[] {x, y});
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return apply(image);
    }

    /** The image moved by this map, the size unchanged. */
    public Image apply(Image image) {
        int w = image.width();
        int h = image.height();
        float[] theta = AffineMatrix.toFloats(inverseAboutCentre(w, h));
        return GridSampler.sample(image, new AffineGrid(theta, w, h, w, h), w, h, interpolation, fill);
    }

    /** The image moved by this map, and its targets with it. */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        return Targeted.of(apply(image), moveTargets(input.targets(), image.width(), image.height(), "affine"));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /**
     * The targets of a {@code width x height} image moved by this map, the canvas unchanged.
     *
     * @param id the transform's id, for the refusal of a per-channel fill with a mask
     */
    Targets moveTargets(Targets targets, int width, int height, String id) {
        if (targets.isEmpty()) {
            return targets;
        }
        int level = TargetMoves.maskFill(fill == null ? new int[] {0} : fill, targets, id);
        CanvasSize canvas = new CanvasSize(height, width);
        return TargetMoves.affine(targets, forward(width, height), false, canvas, canvas, mask -> TargetMoves
                .resampleNearest(mask, canvas, level, (layer, levels) -> new Affine(angle, translate, scale, shear,
                        Interpolation.NEAREST, levels, center).apply(layer)));
    }

    /** The inverse matrix as torchvision's tensor path builds it: the centre relative to the image's centre. */
    double[] inverseAboutCentre(int width, int height) {
        double cx = center == null ? 0 : center[0] - width * 0.5;
        double cy = center == null ? 0 : center[1] - height * 0.5;
        return AffineMatrix.inverse(cx, cy, angle, translate[0], translate[1], scale, shear[0], shear[1]);
    }

    /** The forward map in pixel coordinates of an image of this size, for boxes and key points. */
    double[] forward(int width, int height) {
        double cx = center == null ? width * 0.5 : center[0];
        double cy = center == null ? height * 0.5 : center[1];
        return AffineMatrix.forward(cx, cy, angle, translate[0], translate[1], scale, shear[0], shear[1]);
    }

    /** {angle, translate x, translate y, scale, shear x, shear y}: what a random transform drew. */
    double[] parameters() {
        return new double[] {angle, translate[0], translate[1], scale, shear[0], shear[1]};
    }

    static Interpolation checked(Interpolation interpolation) {
        Objects.requireNonNull(interpolation, "interpolation");
        if (interpolation != Interpolation.NEAREST && interpolation != Interpolation.BILINEAR) {
            throw new IllegalArgumentException("interpolation must be nearest or bilinear, was " + interpolation.id());
        }
        return interpolation;
    }

    @Override
    public String toString() {
        return "affine(angle=" + angle + ", translate=" + Arrays.toString(translate) + ", scale=" + scale + ", shear="
                + Arrays.toString(shear) + ", interpolation=" + interpolation.id() + ", fill="
                + (fill == null ? "None" : Arrays.toString(fill)) + (center == null ? "" : ", center="
                + Arrays.toString(center)) + ")";
    }
}
