package dev.sluice.plugins.transforms;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Region;
import java.util.List;
import java.util.function.Supplier;

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
     * A crop or output size as torchvision's {@code _setup_size}: one number n means an n x n square;
     * a pair is {@code [height, width]}.
     */
    public static Size size(Options options, String key) {
        int[] size = wholeNumbers(options, key, 1, 1, 2);
        if (size == null) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        return size.length == 1 ? Size.square(size[0]) : new Size(size[1], size[0]);
    }

    /** A rectangle {@code [x, y, width, height]} with a non-negative corner and a positive size. */
    public static Region region(Options options, String key) {
        int[] r = wholeNumbers(options, key, 0, 4);
        if (r == null) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        if (r[2] < 1 || r[3] < 1) {
            throw new OptionsException(options.keyPath(key), "must be [x, y, width, height] with width and height >= 1, was "
                    + describe(options.raw(key)));
        }
        return new Region(r[0], r[1], r[2], r[3]);
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

    /**
     * What {@code build} makes of the option {@code key}, its refusal ({@link IllegalArgumentException}
     * from a typed form's factory) turned into an {@link OptionsException} at the option's key path,
     * so that the typed form holds the rule and the configuration reports where it was broken.
     */
    public static <T> T checkedAt(Options options, String key, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            OptionsException refused = new OptionsException(options.keyPath(key), e.getMessage());
            refused.initCause(e);
            throw refused;
        }
    }

    /** A value as a message shows it: a word in quotes, anything else as it prints. */
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
