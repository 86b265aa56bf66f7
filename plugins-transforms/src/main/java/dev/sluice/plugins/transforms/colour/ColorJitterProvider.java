package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code color_jitter}: torchvision's {@code ColorJitter}, bit for bit on uint8 images.
 *
 * <p>Options (each off by default): {@code brightness}, {@code contrast}, {@code saturation}: a
 * number b {@code >= 0} for factors drawn from {@code [max(0, 1 - b), 1 + b]}, or {@code [min, max]}
 * with {@code 0 <= min <= max}; {@code hue}: a number h in [0, 0.5] for shifts drawn from
 * {@code [-h, h]}, or {@code [min, max]} within [-0.5, 0.5]. Each call draws a random order of the
 * four adjustments, then the configured factors (brightness, contrast, saturation, hue), and applies
 * them in the drawn order, as torchvision does. Brightness scales the levels, contrast blends with
 * the mean grey level, saturation with the grey image, and hue rotates in HSV; grey images skip the
 * saturation and hue steps.
 *
 * <pre>{@code
 * - color_jitter: {brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1}
 * }</pre>
 */
public final class ColorJitterProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public ColorJitterProvider() {
    }

    /** {@code "color_jitter"}. */
    @Override
    public String id() {
        return "color_jitter";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 or 3 channels, safe for concurrent use; it
     * throws {@link IllegalArgumentException} for other channel counts.
     *
     * @throws OptionsException naming the key path when an option is unknown, negative, or a range is
     *         out of bounds or not {@code [min, max]}
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("brightness", "contrast", "saturation", "hue"));
        double[][] ranges = {
            range(options, "brightness", 1, 0, Double.POSITIVE_INFINITY, true),
            range(options, "contrast", 1, 0, Double.POSITIVE_INFINITY, true),
            range(options, "saturation", 1, 0, Double.POSITIVE_INFINITY, true),
            range(options, "hue", 0, -0.5, 0.5, false),
        };
        return new ColorJitter(ranges);
    }

    /** torchvision's {@code _check_input}: null when absent or the identity. */
    private static double[] range(Options options, String key, double center, double low, double high,
            boolean clipFirstOnZero) {
        if (!options.has(key)) {
            return null;
        }
        double[] values = options.getDoubles(key, null);
        double[] range;
        if (values.length == 1) {
            if (!(values[0] >= 0)) {
                throw new OptionsException(options.keyPath(key), "If " + key + " is a single number, it must be non negative, was "
                        + values[0]);
            }
            range = new double[] {center - values[0], center + values[0]};
            if (clipFirstOnZero) {
                range[0] = Math.max(range[0], 0.0);
            }
            if (key.equals("hue") && values[0] > 0.5) {
                throw new OptionsException(options.keyPath(key), "hue values should be between [-0.5, 0.5], was " + values[0]);
            }
        } else if (values.length == 2) {
            range = values;
            if (!(low <= range[0] && range[0] <= range[1] && range[1] <= high)) {
                throw new OptionsException(options.keyPath(key), key + " values should be between [" + low + ", " + high
                        + "] and in order [min, max], was " + SharedOptions.describe(options.raw(key)));
            }
        } else {
            throw new OptionsException(options.keyPath(key), key + " should be a single number or a list of length 2, was "
                    + SharedOptions.describe(options.raw(key)));
        }
        return range[0] == center && range[1] == center ? null : range;
    }
}
