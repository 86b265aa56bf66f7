package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.target.Targeted;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * {@code random_perspective}: torchvision's {@code RandomPerspective} on a tensor image. With
 * probability {@code p} (one uniform draw, applied when it is below {@code p}) the image is warped by
 * {@link Perspective} from its corners {@code (0, 0), (W-1, 0), (W-1, H-1), (0, H-1)} to four corners
 * drawn, in torchvision's order, as whole numbers within {@code bw = trunc(s (W // 2)) + 1} columns and
 * {@code bh = trunc(s (H // 2)) + 1} rows of the matching image corner, s being
 * {@code distortion_scale}: top-left {@code (randint(0, bw), randint(0, bh))}, top-right
 * {@code (randint(W-bw, W), randint(0, bh))}, bottom-right {@code (randint(W-bw, W), randint(H-bh, H))},
 * bottom-left {@code (randint(0, bw), randint(H-bh, H))}, each {@code randint} half-open.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code distortion_scale} ({@link #of(double)}; 0.5): in [0, 1], how far the corners may move;</li>
 *   <li>{@code p} ({@link #p(double)}; 0.5): the probability of warping;</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; bilinear): nearest or bilinear;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; 0): one level or one per channel, for uncovered pixels.</li>
 * </ul>
 *
 * <pre>{@code
 * - random_perspective: {distortion_scale: 0.3, p: 1.0}     # YAML
 * RandomPerspective.of(0.3).p(1.0)                          // Java
 * }</pre>
 *
 * <p>Targets: one draw moves the image and its boxes, masks and key points, as {@link Perspective} says.
 *
 * <p>Immutable, safe for concurrent use, drawing one uniform number and, when it warps, eight whole
 * numbers per call; images of 1 to 4 channels. It throws {@link IllegalArgumentException} when a
 * per-channel fill does not match the image's channels or, when it warps, the image is narrower or
 * shorter than 2 pixels, and
 * {@link dev.sluice.api.target.UnsupportedTargetsException} for a mask with a per-channel fill.
 */
public final class RandomPerspective implements ImageTransform {
    private final double distortionScale;
    private final double p;
    private final Interpolation interpolation;
    private final int[] fill;

    private RandomPerspective(double distortionScale, double p, Interpolation interpolation, int[] fill) {
        this.distortionScale = distortionScale;
        this.p = p;
        this.interpolation = interpolation;
        this.fill = fill;
    }

    /** torchvision's defaults: distortion 0.5, probability 0.5, bilinear, fill 0. */
    public static RandomPerspective of() {
        return of(0.5);
    }

    /**
     * Corners moved by up to {@code distortionScale} of half the image; probability 0.5, bilinear, fill 0.
     *
     * @throws IllegalArgumentException unless {@code distortionScale} is in [0, 1]
     */
    public static RandomPerspective of(double distortionScale) {
        if (!(distortionScale >= 0 && distortionScale <= 1)) {
            throw new IllegalArgumentException("Argument distortion_scale value should be between 0 and 1, was "
                    + distortionScale);
        }
        return new RandomPerspective(distortionScale, 0.5, Interpolation.BILINEAR, new int[] {0});
    }

    /**
     * This transform, warping with probability {@code p}.
     *
     * @throws IllegalArgumentException unless {@code p} is in [0, 1]
     */
    public RandomPerspective p(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be a probability in [0, 1], was " + p);
        }
        return new RandomPerspective(distortionScale, p, interpolation, fill);
    }

    /**
     * This transform, sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public RandomPerspective interpolation(Interpolation interpolation) {
        return new RandomPerspective(distortionScale, p, Affine.checked(interpolation), fill);
    }

    /**
     * This transform, pixels it does not cover filled with {@code levels}.
     *
     * @throws IllegalArgumentException as {@link FillLevels#checked(int...)}
     */
    public RandomPerspective fill(int... levels) {
        return new RandomPerspective(distortionScale, p, interpolation, FillLevels.checked(levels));
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        Perspective perspective = draw(random, image.width(), image.height());
        return perspective == null ? image : perspective.apply(image);
    }

    /** One draw; the image and its targets warped by it, or both unchanged. */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        Image image = input.value();
        Perspective perspective = draw(random, image.width(), image.height());
        if (perspective == null) {
            return Targeted.of(image, input.targets());
        }
        return Targeted.of(perspective.apply(image), perspective.moveTargets(input.targets(), image.width(),
                image.height(), "random_perspective"));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /** One call's draw for an image of this size: the warp, or null when the coin says no warp. */
    Perspective draw(RandomGenerator random, int width, int height) {
        if (!(random.nextDouble() < p)) {
            return null;
        }
        if (width < 2 || height < 2) {
            // The corners coincide in pairs, and no homography takes them anywhere (torchvision's solve fails too).
            throw new IllegalArgumentException("random_perspective needs an image of at least 2 x 2 pixels, got "
                    + width + " x " + height);
        }
        int bw = (int) (distortionScale * (width / 2)) + 1;
        int bh = (int) (distortionScale * (height / 2)) + 1;
        int[] topLeft = {randint(random, 0, bw), randint(random, 0, bh)};
        int[] topRight = {randint(random, width - bw, width), randint(random, 0, bh)};
        int[] bottomRight = {randint(random, width - bw, width), randint(random, height - bh, height)};
        int[] bottomLeft = {randint(random, 0, bw), randint(random, height - bh, height)};
        int[][] start = {{0, 0}, {width - 1, 0}, {width - 1, height - 1}, {0, height - 1}};
        return Perspective.of(start, new int[][] {topLeft, topRight, bottomRight, bottomLeft})
                .interpolation(interpolation).fill(fill);
    }

    /** torch's {@code randint(low, high)}: uniform over the whole numbers of {@code [low, high)}. */
    private static int randint(RandomGenerator random, int low, int high) {
        return random.nextInt(low, high);
    }

    @Override
    public String toString() {
        return "random_perspective(distortion_scale=" + distortionScale + ", p=" + p + ", interpolation="
                + interpolation.id() + ", fill=" + Arrays.toString(fill) + ")";
    }
}
