package dev.sluice.plugins.transforms;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the option shapes torchvision's transforms share (a size that is one number or a pair, a
 * range, a padding of 1, 2 or 4 numbers, a fill colour), refusing bad values with an
 * {@link OptionsException} that names the key path.
 */
public final class SharedOptions {
    private SharedOptions() {
    }

    /**
     * Whole numbers: one number or a list of {@code allowedLengths} numbers, each {@code >= minimum};
     * null when absent.
     */
    public static int[] wholeNumbers(Options options, String key, int minimum, int... allowedLengths) {
        if (!options.has(key)) {
            return null;
        }
        double[] values = options.getDoubles(key, null);
        boolean lengthAllowed = false;
        for (int length : allowedLengths) {
            lengthAllowed |= values.length == length;
        }
        if (!lengthAllowed) {
            throw new OptionsException(options.keyPath(key), "must be " + describeLengths(allowedLengths)
                    + ", was " + describe(options.raw(key)));
        }
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double value = values[i];
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new OptionsException(options.keyPath(key), "must hold whole numbers, was " + describe(options.raw(key)));
            }
            if (value < minimum) {
                throw new OptionsException(options.keyPath(key), "must hold numbers >= " + minimum + ", was "
                        + describe(options.raw(key)));
            }
            out[i] = (int) value;
        }
        return out;
    }

    /**
     * A crop or output size as torchvision's {@code _setup_size}: one number n means (n, n); a pair
     * is (height, width). Returns {height, width}.
     */
    public static int[] heightWidth(Options options, String key) {
        int[] size = wholeNumbers(options, key, 1, 1, 2);
        if (size == null) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        return size.length == 1 ? new int[] {size[0], size[0]} : size;
    }

    /**
     * A padding as torchvision's {@code pad}: one number for all sides, [left/right, top/bottom], or
     * [left, top, right, bottom]. Returns {left, top, right, bottom}, each {@code >= 0}; null when absent.
     */
    public static int[] padding(Options options, String key) {
        int[] p = wholeNumbers(options, key, 0, 1, 2, 4);
        if (p == null) {
            return null;
        }
        return switch (p.length) {
            case 1 -> new int[] {p[0], p[0], p[0], p[0]};
            case 2 -> new int[] {p[0], p[1], p[0], p[1]};
            default -> p;
        };
    }

    /** A probability in [0, 1], or {@code fallback} when absent. */
    public static double probability(Options options, String key, double fallback) {
        double p = options.getDouble(key, fallback);
        if (!(p >= 0 && p <= 1)) {
            throw new OptionsException(options.keyPath(key), "must be a probability in [0, 1], was " + p);
        }
        return p;
    }

    /**
     * A range [min, max] given as a pair with {@code min <= max}, or {@code fallback} when absent.
     */
    public static double[] range(Options options, String key, double[] fallback) {
        double[] range = options.getDoubles(key, fallback);
        if (range.length != 2) {
            throw new OptionsException(options.keyPath(key), "must be a pair [min, max], was " + describe(options.raw(key)));
        }
        if (!(range[0] <= range[1])) {
            throw new OptionsException(options.keyPath(key), "must be a pair [min, max] with min <= max, was "
                    + describe(options.raw(key)));
        }
        return range;
    }

    /**
     * A fill colour for padded or uncovered pixels: one level for every channel or one per channel,
     * each a whole number in [0, 255] (pixels are 8-bit). Returns the levels as given.
     */
    public static int[] fill(Options options, String key) {
        if (!options.has(key)) {
            return new int[] {0};
        }
        int[] fill = wholeNumbers(options, key, 0, 1, 2, 3, 4);
        for (int level : fill) {
            if (level > 255) {
                throw new OptionsException(options.keyPath(key), "must hold levels in [0, 255], was "
                        + describe(options.raw(key)));
            }
        }
        return fill;
    }

    /** The fill level of {@code channel}, with one given level standing for every channel. */
    public static int fillLevel(int[] fill, int channel, int channels) {
        if (fill.length == 1) {
            return fill[0];
        }
        if (fill.length != channels) {
            throw new IllegalArgumentException("the fill " + Arrays.toString(fill) + " has " + fill.length
                    + " levels, the image has " + channels + " channels");
        }
        return fill[channel];
    }

    /** One of {@code words}, or {@code fallback} when absent. */
    public static String oneOf(Options options, String key, String fallback, String... words) {
        String value = options.getString(key, fallback);
        for (String word : words) {
            if (word.equals(value)) {
                return word;
            }
        }
        throw new OptionsException(options.keyPath(key), "must be one of " + String.join(", ", words) + ", was '"
                + value + "'");
    }

    public static String describe(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static String describeLengths(int[] lengths) {
        if (lengths.length == 1 && lengths[0] == 1) {
            return "a number";
        }
        StringBuilder text = new StringBuilder("a number or a list of ");
        for (int i = 0; i < lengths.length; i++) {
            text.append(i == 0 ? "" : i == lengths.length - 1 ? " or " : ", ").append(lengths[i]);
        }
        return text.append(" numbers").toString();
    }

    static List<Object> list(Options options, String key) {
        Object raw = options.raw(key);
        if (raw == null) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        if (!(raw instanceof List<?> items)) {
            throw new OptionsException(options.keyPath(key), "must be a list, was " + describe(raw));
        }
        return List.copyOf(items);
    }
}
