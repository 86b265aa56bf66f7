package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code random_rotation}: torchvision's {@code RandomRotation} on a tensor image. The angle
 * (degrees, counter-clockwise) is drawn uniformly; each output pixel samples the input through the
 * inverse rotation about the centre (or {@code center}), nearest or bilinear, with the pixel centres
 * and the float arithmetic of torchvision's {@code rotate} and PyTorch's {@code grid_sample}
 * ({@code align_corners=False}); pixels whose source falls outside the image get the fill levels,
 * blended by the covered fraction when bilinear.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code degrees} ({@link #of(double)}, {@link #of(double, double)}; required): a number d for
 *       the range {@code [-d, d]}, or {@code [min, max]};</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; nearest): nearest or bilinear;</li>
 *   <li>{@code expand} ({@link #expand(boolean)}; false): grow the output to hold the whole rotated image;</li>
 *   <li>{@code center} ({@link #center(double, double)}; the image centre): {@code [x, y]} in pixels;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; 0): 0 to 255, one level or one per channel, for pixels the
 *       rotated image does not cover.</li>
 * </ul>
 *
 * <pre>{@code
 * - random_rotation: {degrees: 15, interpolation: bilinear}           # YAML
 * RandomRotation.of(15).interpolation(Interpolation.BILINEAR)         // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, drawing one uniform number per call; images of 1 to 4
 * channels. It throws {@link IllegalArgumentException} when a per-channel fill does not match the
 * image's channels.
 */
public final class RandomRotation implements ImageTransform {
    private final double[] degrees;
    private final Interpolation interpolation;
    private final boolean expand;
    private final double[] center;
    private final int[] fill;

    private RandomRotation(double[] degrees, Interpolation interpolation, boolean expand, double[] center, int[] fill) {
        this.degrees = degrees;
        this.interpolation = Affine.checked(interpolation);
        this.expand = expand;
        this.center = center;
        this.fill = FillLevels.checked(fill);
    }

    /**
     * Angles drawn from {@code [-degrees, degrees]}.
     *
     * @throws IllegalArgumentException when {@code degrees} is negative or not a number
     */
    public static RandomRotation of(double degrees) {
        if (!(degrees >= 0)) {
            throw new IllegalArgumentException("If degrees is a single number, it must be positive, was " + degrees);
        }
        return of(-degrees, degrees);
    }

    /**
     * Angles drawn from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code min <= max}
     */
    public static RandomRotation of(double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("degrees must be [min, max] with min <= max, was [" + min + ", " + max + "]");
        }
        return new RandomRotation(new double[] {min, max}, Interpolation.NEAREST, false, null, new int[] {0});
    }

    /**
     * This rotation, sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public RandomRotation interpolation(Interpolation interpolation) {
        return new RandomRotation(degrees, Objects.requireNonNull(interpolation, "interpolation"), expand, center, fill);
    }

    /** This rotation, its output grown to hold the whole rotated image when {@code expand}. */
    public RandomRotation expand(boolean expand) {
        return new RandomRotation(degrees, interpolation, expand, center, fill);
    }

    /** This rotation, about the point {@code (x, y)} in pixels rather than the image centre. */
    public RandomRotation center(double x, double y) {
        return new RandomRotation(degrees, interpolation, expand, new double[] {x, y}, fill);
    }

    /**
     * This rotation, pixels it does not cover filled with {@code levels}.
     *
     * @throws IllegalArgumentException as {@link Pad#fill(int...)}
     */
    public RandomRotation fill(int... levels) {
        return new RandomRotation(degrees, interpolation, expand, center, levels);
    }

    /** The angle of one call: uniform in {@code degrees}, one draw. */
    double angle(RandomGenerator random) {
        return degrees[0] + (degrees[1] - degrees[0]) * random.nextDouble();
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return rotate(image, angle(random));
    }

    /**
     * One angle drawn; the image rotated, and its targets as torchvision v2's {@code rotate} moves
     * them: box corners and key points through the rotation about the centre (shifted with
     * {@code expand}), boxes their corners' bounding box clamped to the canvas, the mask rotated as the
     * image with nearest sampling and the fill's one level. With {@code expand}, torchvision clamps
     * the boxes to a canvas worked out from the absolute centre, which can be a pixel off the image's
     * size; the boxes are clamped to that canvas, as there, and placed on the image's.
     *
     * @throws dev.sluice.api.target.UnsupportedTargetsException for a mask with a per-channel fill
     */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        double angle = angle(random);
        Image rotated = rotate(image, angle);
        return Targeted.of(rotated, moveTargets(input.targets(), image.width(), image.height(), angle,
                new CanvasSize(rotated.height(), rotated.width())));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /** The targets of a {@code width x height} image rotated by {@code angle} onto {@code canvas}. */
    Targets moveTargets(Targets targets, int width, int height, double angle, CanvasSize canvas) {
        if (targets.isEmpty()) {
            return targets;
        }
        int level = TargetMoves.maskFill(fill, targets, "random_rotation");
        double cx = center == null ? width * 0.5 : center[0];
        double cy = center == null ? height * 0.5 : center[1];
        // _get_inverse_affine_matrix(center, -angle, [0, 0], 1.0, [0, 0], inverted=False), the box map.
        double rot = Math.toRadians(-angle);
        double a = Math.cos(rot);
        double b = -(a * 0.0 + Math.sin(rot));
        double c = Math.sin(rot);
        double d = Math.cos(rot) - c * 0.0;
        double[] forward = {a, b, cx - a * cx - b * cy, c, d, cy - c * cx - d * cy};
        CanvasSize boxCanvas = canvas;
        if (expand) {
            // The same with inverted=True, whose output size is torchvision's box canvas.
            double[] inverse = {d, -b, 0, -c, a, 0};
            inverse[2] = cx - inverse[0] * cx - inverse[1] * cy;
            inverse[5] = cy - inverse[3] * cx - inverse[4] * cy;
            float[] theta = new float[6];
            for (int i = 0; i < 6; i++) {
                theta[i] = (float) inverse[i];
            }
            Size size = expandedSize(theta, width, height);
            boxCanvas = new CanvasSize(size.height(), size.width());
        }
        CanvasSize out = canvas;
        return TargetMoves.affine(targets, forward, expand, boxCanvas, canvas, mask -> TargetMoves.resampleNearest(mask,
                out, level, (layer, levels) -> rotate(layer, angle, Interpolation.NEAREST, levels)));
    }

    /** torchvision's {@code rotate(image, angle, interpolation, expand, center, fill)} on a uint8 tensor. */
    Image rotate(Image image, double angle) {
        return rotate(image, angle, interpolation, fill);
    }

    /** As {@link #rotate(Image, double)}, sampling by {@code sampling} and filling with {@code fillLevels}. */
    private Image rotate(Image image, double angle, Interpolation sampling, int[] fillLevels) {
        int w = image.width();
        int h = image.height();
        double cx = center == null ? 0 : center[0] - w * 0.5;
        double cy = center == null ? 0 : center[1] - h * 0.5;
        float[] theta = AffineMatrix.toFloats(AffineMatrix.inverse(cx, cy, -angle, 0, 0, 1, 0, 0));
        int outWidth = w;
        int outHeight = h;
        if (expand) {
            Size size = expandedSize(theta, w, h);
            outWidth = size.width();
            outHeight = size.height();
        }
        return GridSampler.sample(image, new AffineGrid(theta, w, h, outWidth, outHeight), outWidth, outHeight,
                sampling, fillLevels);
    }

    /** torchvision's {@code _compute_affine_output_size}: the rotated corners' bounding box, in float. */
    private static Size expandedSize(float[] theta, int w, int h) {
        float[][] corners = {{-0.5f * w, -0.5f * h}, {-0.5f * w, 0.5f * h}, {0.5f * w, 0.5f * h}, {0.5f * w, -0.5f * h}};
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (float[] p : corners) {
            float x = p[0] * theta[0] + p[1] * theta[1] + theta[2];
            float y = p[0] * theta[3] + p[1] * theta[4] + theta[5];
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        float tol = 1e-4f;
        float width = (float) Math.ceil(truncate((maxX + w * 0.5f) / tol) * tol)
                - (float) Math.floor(truncate((minX + w * 0.5f) / tol) * tol);
        float height = (float) Math.ceil(truncate((maxY + h * 0.5f) / tol) * tol)
                - (float) Math.floor(truncate((minY + h * 0.5f) / tol) * tol);
        return new Size((int) width, (int) height);
    }

    private static float truncate(float value) {
        return value < 0 ? (float) Math.ceil(value) : (float) Math.floor(value);
    }

    @Override
    public String toString() {
        return "random_rotation(degrees=[" + degrees[0] + ", " + degrees[1] + "], interpolation=" + interpolation.id()
                + ", expand=" + expand + (center == null ? "" : ", center=" + Arrays.toString(center)) + ", fill="
                + Arrays.toString(fill) + ")";
    }
}
