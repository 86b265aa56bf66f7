package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.KeepsSize;
import dev.sluice.plugins.transforms.KeepsTargets;
import dev.sluice.plugins.transforms.Raster;
import java.util.random.RandomGenerator;

/**
 * {@code color_jitter}: torchvision's {@code ColorJitter} on a uint8 tensor image, bit for bit.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default: each off):
 * <ul>
 *   <li>{@code brightness}, {@code contrast}, {@code saturation} ({@link #brightness(double)},
 *       {@link #brightness(double, double)} and the same for the others): a number b {@code >= 0}
 *       for factors drawn from {@code [max(0, 1 - b), 1 + b]}, or {@code [min, max]} with
 *       {@code 0 <= min <= max};</li>
 *   <li>{@code hue} ({@link #hue(double)}, {@link #hue(double, double)}): a number h in [0, 0.5] for
 *       shifts drawn from {@code [-h, h]}, or {@code [min, max]} within [-0.5, 0.5].</li>
 * </ul>
 * Each call draws a random order of the four adjustments (a permutation of 4), then the configured
 * factors in the fixed order brightness, contrast, saturation, hue, and applies them in the drawn
 * order, as torchvision does. Brightness scales the levels, contrast blends with the mean grey level,
 * saturation with the grey image, and hue rotates in HSV (in float32); the blends are in float32 and
 * truncate to 8 bits as torchvision's {@code _blend}. Grey images skip the saturation and hue steps.
 *
 * <pre>{@code
 * - color_jitter: {brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1}                # YAML
 * ColorJitter.of().brightness(0.4).contrast(0.4).saturation(0.4).hue(0.1)                   // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use; images of 1 or 3 channels (it throws
 * {@link IllegalArgumentException} for others).
 */
public final class ColorJitter implements ImageTransform, KeepsTargets<Image, Image>, KeepsSize<Image, Image> {
    static final int BRIGHTNESS = 0;
    static final int CONTRAST = 1;
    static final int SATURATION = 2;
    static final int HUE = 3;
    private static final String[] NAMES = {"brightness", "contrast", "saturation", "hue"};

    /** Per adjustment, {min, max}, or null when it is off. */
    private final double[][] ranges;

    private ColorJitter(double[][] ranges) {
        this.ranges = ranges;
    }

    /** No adjustment: add them with the methods below. */
    public static ColorJitter of() {
        return new ColorJitter(new double[4][]);
    }

    /**
     * This jitter with brightness factors drawn from {@code [max(0, 1 - b), 1 + b]}.
     *
     * @throws IllegalArgumentException when {@code b} is negative
     */
    public ColorJitter brightness(double b) {
        return with(BRIGHTNESS, around(BRIGHTNESS, b));
    }

    /**
     * This jitter with brightness factors drawn from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= min <= max}
     */
    public ColorJitter brightness(double min, double max) {
        return with(BRIGHTNESS, between(BRIGHTNESS, min, max));
    }

    /** As {@link #brightness(double)}, for contrast. */
    public ColorJitter contrast(double c) {
        return with(CONTRAST, around(CONTRAST, c));
    }

    /** As {@link #brightness(double, double)}, for contrast. */
    public ColorJitter contrast(double min, double max) {
        return with(CONTRAST, between(CONTRAST, min, max));
    }

    /** As {@link #brightness(double)}, for saturation. */
    public ColorJitter saturation(double s) {
        return with(SATURATION, around(SATURATION, s));
    }

    /** As {@link #brightness(double, double)}, for saturation. */
    public ColorJitter saturation(double min, double max) {
        return with(SATURATION, between(SATURATION, min, max));
    }

    /**
     * This jitter with hue shifts drawn from {@code [-h, h]}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= h <= 0.5}
     */
    public ColorJitter hue(double h) {
        return with(HUE, around(HUE, h));
    }

    /**
     * This jitter with hue shifts drawn from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code -0.5 <= min <= max <= 0.5}
     */
    public ColorJitter hue(double min, double max) {
        return with(HUE, between(HUE, min, max));
    }

    private ColorJitter with(int which, double[] range) {
        double[][] next = ranges.clone();
        double center = which == HUE ? 0 : 1;
        next[which] = range[0] == center && range[1] == center ? null : range;
        return new ColorJitter(next);
    }

    /** torchvision's {@code _check_input} for one number. */
    private static double[] around(int which, double value) {
        String name = NAMES[which];
        if (!(value >= 0)) {
            throw new IllegalArgumentException("If " + name + " is a single number, it must be non negative, was " + value);
        }
        if (which == HUE) {
            if (value > 0.5) {
                throw new IllegalArgumentException("hue values should be between [-0.5, 0.5], was " + value);
            }
            return new double[] {-value, value};
        }
        return new double[] {Math.max(1 - value, 0.0), 1 + value};
    }

    /** torchvision's {@code _check_input} for a pair. */
    private static double[] between(int which, double min, double max) {
        double low = which == HUE ? -0.5 : 0;
        double high = which == HUE ? 0.5 : Double.POSITIVE_INFINITY;
        if (!(low <= min && min <= max && max <= high)) {
            throw new IllegalArgumentException(NAMES[which] + " values should be between [" + low + ", " + high
                    + "] and in order [min, max], was [" + min + ", " + max + "]");
        }
        return new double[] {min, max};
    }

    /** What one call does: the order of the adjustments and each factor (NaN when off). */
    record Draw(int[] order, double[] factors) {
    }

    /** One call's draws: torchvision's {@code get_params}. */
    Draw draw(RandomGenerator random) {
        int[] order = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        double[] factors = new double[4];
        for (int k = 0; k < 4; k++) {
            double[] range = ranges[k];
            factors[k] = range == null ? Double.NaN : range[0] + (range[1] - range[0]) * random.nextDouble();
        }
        return new Draw(order, factors);
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        Grayscale.requireGreyOrRgb(image, "color_jitter");
        Raster.requireEightBit(image, "color_jitter");
        return apply(image, draw(random));
    }

    /** The adjustments of {@code draw}, in its order. */
    static Image apply(Image image, Draw draw) {
        Raster raster = Raster.of(image);
        for (int k : draw.order()) {
            double factor = draw.factors()[k];
            if (!Double.isNaN(factor)) {
                raster = adjust(raster, k, factor);
            }
        }
        return raster.toImage();
    }

    /** One adjustment by {@code factor}: torchvision's {@code adjust_brightness} ... {@code adjust_hue}. */
    static Raster adjust(Raster raster, int which, double factor) {
        return switch (which) {
            case BRIGHTNESS -> Blends.withLevel(raster, 0f, factor);
            case CONTRAST -> Blends.withLevel(raster, mean(raster), factor);
            case SATURATION -> raster.channels == 1 ? raster : Blends.withGrey(raster, Grayscale.luminance(raster), factor);
            case HUE -> raster.channels == 1 ? raster : Hsv.shiftHue(raster, (float) factor);
            default -> throw new IllegalArgumentException("no adjustment " + which);
        };
    }

    /** The mean grey level, as torchvision's {@code adjust_contrast}: the truncated grey image's float mean. */
    private static float mean(Raster raster) {
        long sum = 0;
        if (raster.channels == 3) {
            for (byte level : Grayscale.luminance(raster)) {
                sum += level & 0xFF;
            }
        } else {
            for (byte level : raster.data) {
                sum += level & 0xFF;
            }
        }
        return (float) sum / (float) (raster.width * raster.height);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("color_jitter(");
        for (int k = 0; k < 4; k++) {
            if (ranges[k] != null) {
                text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ").append(NAMES[k]).append("=[")
                        .append(ranges[k][0]).append(", ").append(ranges[k][1]).append(']');
            }
        }
        return text.append(')').toString();
    }
}
