package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * torchvision's functional {@code perspective(img, startpoints, endpoints, interpolation, fill)} on a
 * tensor image, with given corners: the image warped so that the four {@code startpoints} (pixel
 * coordinates {@code (x, y)}, usually the corners top-left, top-right, bottom-right, bottom-left) land
 * on the {@code endpoints}. The homography from output to input is the exact solution of torchvision's
 * eight equations (its {@code _get_perspective_coeffs}), and each output pixel samples the input with
 * the float32 grid arithmetic of torchvision 0.14's {@code _perspective_grid} and PyTorch's
 * {@code grid_sample}. It is the kernel behind {@code random_perspective}.
 *
 * <p>Parameters (torchvision name, Java, default):
 * <ul>
 *   <li>{@code startpoints}, {@code endpoints} ({@link #of(int[][], int[][])}; required): four
 *       {@code [x, y]} each;</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; bilinear): nearest or bilinear;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; none): as {@link Affine#fill(int...)}.</li>
 * </ul>
 *
 * <pre>{@code
 * Perspective.of(new int[][] {{0, 0}, {99, 0}, {99, 79}, {0, 79}}, new int[][] {{5, 3}, {90, 0}, {99, 70}, {2, 79}}).fill(0)
 * }</pre>
 *
 * <p>Targets move as torchvision v2's {@code perspective} moves them: box corners and key points
 * through the inverse homography, each box the bounding box of its corners clamped to the canvas,
 * key points not clamped, the mask warped as the image with nearest sampling and the fill's one
 * level (0 without a fill).
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; images of 1 to 4
 * channels. It throws {@link IllegalArgumentException} when a per-channel fill does not match the
 * image's channels, and {@link dev.sluice.api.target.UnsupportedTargetsException} for a mask with a
 * per-channel fill.
 */
public final class Perspective implements ImageTransform {
    private final int[][] startpoints;
    private final int[][] endpoints;
    private final float[] coefficients;
    private final Interpolation interpolation;
    private final int[] fill;

    private Perspective(int[][] startpoints, int[][] endpoints, float[] coefficients, Interpolation interpolation,
            int[] fill) {
        this.startpoints = startpoints;
        this.endpoints = endpoints;
        this.coefficients = coefficients;
        this.interpolation = interpolation;
        this.fill = fill;
    }

    /**
     * The warp taking {@code startpoints} to {@code endpoints}, bilinear, without a fill.
     *
     * @throws IllegalArgumentException unless both hold four {@code [x, y]}, or when the points do not
     *         determine a homography (three of them on a line)
     */
    public static Perspective of(int[][] startpoints, int[][] endpoints) {
        int[][] start = corners(startpoints, "startpoints");
        int[][] end = corners(endpoints, "endpoints");
        return new Perspective(start, end, Homographies.coefficients(start, end), Interpolation.BILINEAR, null);
    }

    /**
     * This warp, sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public Perspective interpolation(Interpolation interpolation) {
        return new Perspective(startpoints, endpoints, coefficients, Affine.checked(interpolation), fill);
    }

    /**
     * This warp, pixels it does not cover filled with {@code levels}.
     *
     * @throws IllegalArgumentException as {@link FillLevels#checked(int...)}
     */
    public Perspective fill(int... levels) {
        return new Perspective(startpoints, endpoints, coefficients, interpolation, FillLevels.checked(levels));
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return apply(image);
    }

    /** The image warped, the size unchanged. */
    public Image apply(Image image) {
        int w = image.width();
        int h = image.height();
        return GridSampler.sample(image, new PerspectiveGrid(coefficients, w, h), w, h, interpolation, fill);
    }

    /** The image warped, and its targets with it. */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        return Targeted.of(apply(image), moveTargets(input.targets(), image.width(), image.height(), "perspective"));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /**
     * The targets of a {@code width x height} image warped, the canvas unchanged.
     *
     * @param id the transform's id, for the refusal of a per-channel fill with a mask
     */
    Targets moveTargets(Targets targets, int width, int height, String id) {
        if (targets.isEmpty()) {
            return targets;
        }
        int level = TargetMoves.maskFill(fill == null ? new int[] {0} : fill, targets, id);
        CanvasSize canvas = new CanvasSize(height, width);
        PerspectiveTargets moves = targets.boxes().isPresent() || targets.keyPoints().isPresent()
                ? new PerspectiveTargets(coefficients) : null;
        return new Targets(targets.boxes().map(boxes -> moves.boxes(boxes)),
                targets.mask().map(mask -> TargetMoves.resampleNearest(mask, canvas, level, (layer, levels) ->
                        new Perspective(startpoints, endpoints, coefficients, Interpolation.NEAREST, levels).apply(layer))),
                targets.keyPoints().map(points -> moves.points(points)));
    }

    /** The eight float32 coefficients a..h mapping output to input. */
    float[] coefficients() {
        return coefficients.clone();
    }

    /** The four end points, as given. */
    int[][] endpoints() {
        return endpoints;
    }

    /** The four start points, as given. */
    int[][] startpoints() {
        return startpoints;
    }

    private static int[][] corners(int[][] points, String name) {
        if (points == null || points.length != 4) {
            throw new IllegalArgumentException(name + " must hold four [x, y] points, was "
                    + Arrays.deepToString(points));
        }
        int[][] copy = new int[4][];
        for (int i = 0; i < 4; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException(name + " must hold four [x, y] points, was "
                        + Arrays.deepToString(points));
            }
            copy[i] = points[i].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return "perspective(startpoints=" + Arrays.deepToString(startpoints) + ", endpoints="
                + Arrays.deepToString(endpoints) + ", interpolation=" + interpolation.id() + ", fill="
                + (fill == null ? "None" : Arrays.toString(fill)) + ")";
    }
}
