package dev.sluice.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link ShardJob} is asked: {@code CONFIG --out DIR [--format tar|parquet] [--shard-size N]
 * [--resize SIZE | HEIGHT,WIDTH] [--quality Q] [--parts P] [--set key.path=value]...}.
 *
 * @param config the configuration file's path, on storage every executor sees
 * @param out the output folder, on storage every executor sees (for tar); any Spark path for Parquet
 * @param format {@code tar} or {@code parquet}
 * @param shardSize samples per shard (tar), or per task (Parquet)
 * @param resize the {@code resize} transform's options ({@code size}), or empty for none
 * @param quality the JPEG quality to re-encode at, or 0 to keep the files as they are (unless resizing)
 * @param parts the number of Spark tasks, or 0 for one per shard
 * @param overrides {@code --set} settings
 */
record ShardJobOptions(String config, String out, String format, int shardSize, Map<String, Object> resize, int quality,
        int parts, List<String> overrides) implements Serializable {
    static final String USAGE = "usage: ShardJob CONFIG --out DIR [--format tar|parquet] [--shard-size N] "
            + "[--resize SIZE|HEIGHT,WIDTH] [--quality 1-100] [--parts P] [--set key.path=value]...";

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the argument and saying what is wrong, followed by the usage
     */
    static ShardJobOptions parse(String... args) {
        String config = null;
        String out = null;
        String format = "tar";
        int shardSize = 1000;
        Map<String, Object> resize = Map.of();
        int quality = 0;
        int parts = 0;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (config != null) {
                    throw usage("a second configuration '" + arg + "'");
                }
                config = arg;
                continue;
            }
            if (i + 1 == args.length) {
                throw usage(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--out" -> out = value;
                case "--format" -> format = value.toLowerCase(Locale.ROOT);
                case "--shard-size" -> shardSize = positive(arg, value, Integer.MAX_VALUE);
                case "--resize" -> resize = resize(value);
                case "--quality" -> quality = positive(arg, value, 100);
                case "--parts" -> parts = positive(arg, value, Integer.MAX_VALUE);
                case "--set" -> overrides.add(value);
                default -> throw usage("unknown option " + arg);
            }
        }
        if (config == null) {
            throw usage("the configuration file is missing");
        }
        if (out == null) {
            throw usage("--out is missing");
        }
        if (!format.equals("tar") && !format.equals("parquet")) {
            throw usage("--format must be tar or parquet, was '" + format + "'");
        }
        return new ShardJobOptions(config, out, format, shardSize, resize, quality, parts, List.copyOf(overrides));
    }

    private static int positive(String option, String value, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw usage(option + " must be a whole number from 1 to " + max + ", was '" + value + "'");
    }

    /** {@code 256} is the shorter side; {@code 224,224} is height and width (torchvision's size). */
    private static Map<String, Object> resize(String value) {
        String[] parts = value.split(",", -1);
        Map<String, Object> options = new LinkedHashMap<>();
        if (parts.length == 1) {
            options.put("size", positive("--resize", parts[0].trim(), 1 << 16));
        } else if (parts.length == 2) {
            options.put("size", List.of(positive("--resize", parts[0].trim(), 1 << 16),
                    positive("--resize", parts[1].trim(), 1 << 16)));
        } else {
            throw usage("--resize must be SIZE (the shorter side) or HEIGHT,WIDTH, was '" + value + "'");
        }
        return options;
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "\n" + USAGE);
    }
}
