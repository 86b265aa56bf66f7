package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.api.ReduceLimit;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import java.util.random.RandomGenerator;

/**
 * {@code color_jitter}: torchvision's {@code ColorJitter} on a uint8 tensor image, bit for bit. Each
 * call draws a random order of the four adjustments (a permutation of 4), then the brightness,
 * contrast, saturation and hue factors in that fixed order (only those configured), and applies the
 * adjustments in the drawn order. The adjustments blend in float32 and truncate to 8 bits as
 * torchvision's {@code _blend}; hue goes through HSV in float32.
 */
final class ColorJitter implements ImageTransform {
    static final int BRIGHTNESS = 0;
    static final int CONTRAST = 1;
    static final int SATURATION = 2;
    static final int HUE = 3;

    /** Per adjustment, {min, max}, or null when it is off. */
    private final double[][] ranges;

    /** @param ranges brightness, contrast, saturation, hue: each {min, max} or null */
    ColorJitter(double[][] ranges) {
        this.ranges = ranges.clone();
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
            case BRIGHTNESS -> blend(raster, null, 0f, factor);
            case CONTRAST -> blend(raster, null, mean(raster), factor);
            case SATURATION -> raster.channels == 1 ? raster : blend(raster, Grayscale.luminance(raster), 0f, factor);
            case HUE -> raster.channels == 1 ? raster : Hsv.shiftHue(raster, (float) factor);
            default -> throw new IllegalArgumentException("no adjustment " + which);
        };
    }

    /**
     * {@code (f * x + (1 - f) * other).clamp(0, 255)} truncated, where other is the grey level of the
     * pixel ({@code grey} non-null) or the constant {@code level}.
     */
    private static Raster blend(Raster raster, byte[] grey, float level, double factor) {
        float f = (float) factor;
        float g = (float) (1.0 - factor);
        byte[] in = raster.data;
        byte[] out = new byte[in.length];
        int channels = raster.channels;
        for (int i = 0; i < in.length; i++) {
            float other = grey == null ? level : grey[i / channels] & 0xFF;
            float v = f * (in[i] & 0xFF) + g * other;
            out[i] = (byte) (int) (v < 0 ? 0 : Math.min(v, 255f));
        }
        return new Raster(out, raster.width, raster.height, channels);
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

    /** Works pixel by pixel and keeps the size: whatever the steps after it allow. */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        return next;
    }

    @Override
    public String toString() {
        String[] names = {"brightness", "contrast", "saturation", "hue"};
        StringBuilder text = new StringBuilder("color_jitter(");
        for (int k = 0; k < 4; k++) {
            if (ranges[k] != null) {
                text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ").append(names[k]).append("=[")
                        .append(ranges[k][0]).append(", ").append(ranges[k][1]).append(']');
            }
        }
        return text.append(')').toString();
    }
}
