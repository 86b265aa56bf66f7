package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.target.Targeted;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * {@code random_affine}: torchvision's {@code RandomAffine} on a tensor image. Each call draws, in
 * torchvision's order, an angle uniform in {@code degrees}; when {@code translate} is set, a shift
 * {@code tx = rint(U(-translate[0] W, translate[0] W))} then {@code ty} likewise with H; when
 * {@code scale} is set, a factor uniform in it; when {@code shear} is set, an x shear uniform in its
 * first range, then a y shear uniform in its second when it has one. The image then goes through
 * {@link Affine} with those parameters.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code degrees} ({@link #of(double)}, {@link #of(double, double)}; required): a number d for
 *       {@code [-d, d]}, or {@code [min, max]}; 0 for no rotation;</li>
 *   <li>{@code translate} ({@link #translate(double, double)}; none): the largest shifts {@code [a, b]}
 *       as fractions in [0, 1] of the width and height;</li>
 *   <li>{@code scale} ({@link #scale(double, double)}; none, meaning 1): {@code [min, max]}, both {@code > 0};</li>
 *   <li>{@code shear} ({@link #shear(double)}, {@link #shear(double, double)},
 *       {@link #shear(double, double, double, double)}; none): a number s for an x shear in
 *       {@code [-s, s]}, {@code [min, max]} for x, or {@code [xmin, xmax, ymin, ymax]}, in degrees;</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; nearest): nearest or bilinear;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; 0): one level or one per channel, for uncovered pixels;</li>
 *   <li>{@code center} ({@link #center(double, double)}; the image centre): {@code [x, y]} in pixels.</li>
 * </ul>
 *
 * <pre>{@code
 * - random_affine: {degrees: 15, translate: [0.1, 0.1], scale: [0.9, 1.1], shear: 5}      # YAML
 * RandomAffine.of(15).translate(0.1, 0.1).scale(0.9, 1.1).shear(5)                     // Java
 * }</pre>
 *
 * <p>Targets: one draw moves the image and its boxes, masks and key points, as {@link Affine} says.
 *
 * <p>Immutable, safe for concurrent use, drawing one to six uniform numbers per call; images of 1 to 4
 * channels. It throws {@link IllegalArgumentException} when a per-channel fill does not match the
 * image's channels, and {@link dev.sluice.api.target.UnsupportedTargetsException} for a mask with a
 * per-channel fill.
 */
public final class RandomAffine implements ImageTransform {
    private final double[] degrees;
    private final double[] translate;
    private final double[] scale;
    private final double[] shear;
    private final Interpolation interpolation;
    private final int[] fill;
    private final double[] center;

    private RandomAffine(double[] degrees, double[] translate, double[] scale, double[] shear,
            Interpolation interpolation, int[] fill, double[] center) {
        this.degrees = degrees;
        this.translate = translate;
        this.scale = scale;
        this.shear = shear;
        this.interpolation = interpolation;
        this.fill = fill;
        this.center = center;
    }

    /**
     * Angles from {@code [-degrees, degrees]}, nothing else moved yet.
     *
     * @throws IllegalArgumentException when {@code degrees} is negative or not a number
     */
    public static RandomAffine of(double degrees) {
        return of(-nonNegative(degrees, "degrees"), degrees);
    }

    /**
     * Angles from {@code [min, max]}, nothing else moved yet.
     *
     * @throws IllegalArgumentException unless {@code min <= max}, both finite
     */
    public static RandomAffine of(double min, double max) {
        return new RandomAffine(range(min, max, "degrees"), null, null, null, Interpolation.NEAREST, new int[] {0}, null);
    }

    /**
     * This transform, shifting by up to {@code a} of the width and {@code b} of the height either way.
     *
     * @throws IllegalArgumentException unless both are in [0, 1]
     */
    public RandomAffine translate(double a, double b) {
        if (!(a >= 0 && a <= 1 && b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("translation values should be between 0 and 1, were [" + a + ", " + b + "]");
        }
        return new RandomAffine(degrees, new double[] {a, b}, scale, shear, interpolation, fill, center);
    }

    /**
     * This transform, scaling by a factor from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code 0 < min <= max}
     */
    public RandomAffine scale(double min, double max) {
        if (!(min > 0 && max > 0)) {
            throw new IllegalArgumentException("scale values should be positive, were [" + min + ", " + max + "]");
        }
        return new RandomAffine(degrees, translate, range(min, max, "scale"), shear, interpolation, fill, center);
    }

    /**
     * This transform, shearing along x by an angle from {@code [-degrees, degrees]}.
     *
     * @throws IllegalArgumentException when {@code degrees} is negative or not a number
     */
    public RandomAffine shear(double degrees) {
        return shear(-nonNegative(degrees, "shear"), degrees);
    }

    /**
     * This transform, shearing along x by an angle from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code min <= max}, both finite
     */
    public RandomAffine shear(double min, double max) {
        return new RandomAffine(degrees, translate, scale, range(min, max, "shear"), interpolation, fill, center);
    }

    /**
     * This transform, shearing along x by an angle from {@code [xMin, xMax]} and along y from {@code [yMin, yMax]}.
     *
     * @throws IllegalArgumentException unless each pair is {@code [min, max]} with {@code min <= max}, all finite
     */
    public RandomAffine shear(double xMin, double xMax, double yMin, double yMax) {
        range(xMin, xMax, "shear");
        range(yMin, yMax, "shear");
        return new RandomAffine(degrees, translate, scale, new double[] {xMin, xMax, yMin, yMax}, interpolation, fill,
                center);
    }

    /**
     * This transform, sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public RandomAffine interpolation(Interpolation interpolation) {
        return new RandomAffine(degrees, translate, scale, shear, Affine.checked(interpolation), fill, center);
    }

    /**
     * This transform, pixels it does not cover filled with {@code levels}.
     *
     * @throws IllegalArgumentException as {@link FillLevels#checked(int...)}
     */
    public RandomAffine fill(int... levels) {
        return new RandomAffine(degrees, translate, scale, shear, interpolation, FillLevels.checked(levels), center);
    }

    /** This transform, about the point {@code (x, y)} in pixels rather than the image centre. */
    public RandomAffine center(double x, double y) {
        return new RandomAffine(degrees, translate, scale, shear, interpolation, fill, new double[] {x, y});
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return draw(random, image.width(), image.height()).apply(image);
    }

    /** One draw; the image and its targets moved by it. */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        Affine affine = draw(random, image.width(), image.height());
        return Targeted.of(affine.apply(image), affine.moveTargets(input.targets(), image.width(), image.height(),
                "random_affine"));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /** torchvision's {@code get_params} for an image of this size, as the {@link Affine} it gives. */
    Affine draw(RandomGenerator random, int width, int height) {
        double angle = uniform(random, degrees[0], degrees[1]);
        double tx = 0;
        double ty = 0;
        if (translate != null) {
            double maxDx = translate[0] * width;
            double maxDy = translate[1] * height;
            tx = Math.rint(uniform(random, -maxDx, maxDx));
            ty = Math.rint(uniform(random, -maxDy, maxDy));
        }
        double factor = scale == null ? 1 : uniform(random, scale[0], scale[1]);
        double shearX = 0;
        double shearY = 0;
        if (shear != null) {
            shearX = uniform(random, shear[0], shear[1]);
            if (shear.length == 4) {
                shearY = uniform(random, shear[2], shear[3]);
            }
        }
        Affine affine = Affine.of(angle, tx, ty, factor, shearX, shearY).interpolation(interpolation).fill(fill);
        return center == null ? affine : affine.center(center[0], center[1]);
    }

    private static double uniform(RandomGenerator random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("If " + name + " is a single number, it must be positive, was " + value);
        }
        return value;
    }

    private static double[] range(double min, double max, String name) {
        if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException(name + " must be [min, max] with min <= max, was [" + min + ", " + max + "]");
        }
        return new double[] {min, max};
    }

    @Override
    public String toString() {
        return "random_affine(degrees=" + Arrays.toString(degrees) + (translate == null ? "" : ", translate="
                + Arrays.toString(translate)) + (scale == null ? "" : ", scale=" + Arrays.toString(scale))
                + (shear == null ? "" : ", shear=" + Arrays.toString(shear)) + ", interpolation=" + interpolation.id()
                + ", fill=" + Arrays.toString(fill) + (center == null ? "" : ", center=" + Arrays.toString(center)) + ")";
    }
}
