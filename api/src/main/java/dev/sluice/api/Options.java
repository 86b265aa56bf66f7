package dev.sluice.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The options a configuration gives a plugin's factory: a read-only map from option name to a
 * YAML-shaped value ({@link String}, {@link Number}, {@link Boolean}, {@link List} or {@link Map}).
 *
 * <p>Each {@code Options} knows its key path in the configuration ({@code "transforms[2].resize"}),
 * so that every error it throws names the full key, the value and what was expected.
 *
 * <pre>{@code
 * Options options = Options.of("decoder", Map.of("reduce", 2));
 * int reduce = options.getInt("reduce", 1);            // 2
 * options.requireOnly(Set.of("reduce", "mode"));       // unknown keys are an error
 * }</pre>
 */
public final class Options {
    private static final Options EMPTY = new Options("", Map.of());

    private final String path;
    private final Map<String, Object> values;

    private Options(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** No options. */
    public static Options empty() {
        return EMPTY;
    }

    /** Options at the top of a configuration (an empty key path). */
    public static Options of(Map<String, ?> values) {
        return of("", values);
    }

    /**
     * Options found at {@code path} in a configuration.
     *
     * @param path the key path used in messages, e.g. {@code "loader"}; empty at the top
     * @param values keys to values; copied; null values are not allowed
     * @throws NullPointerException if a key or value is null
     */
    public static Options of(String path, Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "option name"),
                Objects.requireNonNull(value, () -> "value of option '" + key + "'")));
        return new Options(Objects.requireNonNull(path, "path"), Collections.unmodifiableMap(copy));
    }

    /** The key path of these options in the configuration; empty at the top. */
    public String path() {
        return path;
    }

    /** The full key path of option {@code key}, for messages: {@code "loader.batch_size"}. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The option names, in the order they were given. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** Whether option {@code key} is present. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The raw value of {@code key}, or null when absent. */
    public Object raw(String key) {
        return values.get(key);
    }

    /** All options as a read-only map. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Refuses options this plugin does not know.
     *
     * @throws OptionsException naming the unknown key and listing the known ones, with a suggestion
     *         when one is close
     */
    public void requireOnly(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw OptionsException.unknown(keyPath(key), known);
            }
        }
    }

    /** A string option, or {@code fallback} when absent; numbers and booleans are accepted as their text. */
    public String getString(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw mismatch(key, value, "a string");
    }

    /** A required string option. @throws OptionsException if absent or not a string */
    public String requireString(String key) {
        if (!values.containsKey(key)) {
            throw new OptionsException(keyPath(key), "required option is missing");
        }
        return getString(key, null);
    }

    /** An integer option, or {@code fallback} when absent. @throws OptionsException if not a whole number in int range */
    public int getInt(String key, int fallback) {
        long value = getLong(key, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw mismatch(key, values.get(key), "a whole number within int range");
        }
        return (int) value;
    }

    /** A long option, or {@code fallback} when absent. @throws OptionsException if not a whole number */
    public long getLong(String key, long fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw mismatch(key, value, "a whole number");
            }
        }
        throw mismatch(key, value, "a whole number");
    }

    /** A number option, or {@code fallback} when absent. @throws OptionsException if not a number */
    public double getDouble(String key, double fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        return toDouble(key, value);
    }

    /** A boolean option, or {@code fallback} when absent. @throws OptionsException if not true or false */
    public boolean getBoolean(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw mismatch(key, value, "true or false");
    }

    /**
     * A list of numbers, or {@code fallback} when absent; a single number is a list of one.
     *
     * @throws OptionsException if an element is not a number
     */
    public double[] getDoubles(String key, double[] fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(key + "[" + i + "]", list.get(i));
        }
        return out;
    }

    /**
     * Nested options under {@code key}; empty options when absent.
     *
     * @throws OptionsException if the value is not a map
     */
    public Options getOptions(String key) {
        Object value = values.get(key);
        if (value == null) {
            return new Options(keyPath(key), Map.of());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw mismatch(key, value, "a map of options");
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        map.forEach((k, v) -> nested.put(String.valueOf(k), v));
        return of(keyPath(key), nested);
    }

    private double toDouble(String key, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw mismatch(key, value, "a number");
            }
        }
        throw mismatch(key, value, "a number");
    }

    private OptionsException mismatch(String key, Object value, String expected) {
        return new OptionsException(keyPath(key), "must be " + expected + ", was " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Options that && path.equals(that.path) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + values.hashCode();
    }

    /** The key path and the values, e.g. {@code loader{batch_size=7}}. */
    @Override
    public String toString() {
        return path + values;
    }
}
