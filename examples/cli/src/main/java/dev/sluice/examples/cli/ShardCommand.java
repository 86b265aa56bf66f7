package dev.sluice.examples.cli;

import dev.sluice.api.Options;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.wiring.ShardExport;
import dev.sluice.core.wiring.ShardExportBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice shard CONFIG --out DIR --shard-size N [--resize SIZE|HEIGHT,WIDTH] [--quality Q]}:
 * writes the configured dataset of image files as WebDataset-style tar shards
 * ({@link ShardExport}): {@code shard-000000.tar}, ... of {@code N} samples each (or of at most
 * {@code N} bytes, with a unit: {@code 256MB}), the images as they are or, with a resize or a
 * quality, resized and re-encoded as JPEG.
 */
@Command(name = "shard", description = "Write the dataset as WebDataset tar shards, the images as they are or "
        + "resized and re-encoded as JPEG, with a progress bar.")
final class ShardCommand extends ConfiguredCommand {
    private static final Map<String, Long> UNITS = Map.of("KB", 1000L, "MB", 1000L * 1000, "GB", 1000L * 1000 * 1000,
            "KIB", 1L << 10, "MIB", 1L << 20, "GIB", 1L << 30);
    private static final Pattern SHARD_SIZE = Pattern.compile("(\\d+)\\s*(KB|MB|GB|KIB|MIB|GIB)?");

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
            description = "The folder to write the shards to; made if missing.")
    private Path folder;

    @Option(names = "--shard-size", paramLabel = "N|SIZE", required = true,
            description = "Samples per shard (1000), or bytes per shard with a unit: KB, MB, GB, KiB, MiB, GiB (256MB).")
    private String shardSize;

    @Option(names = "--resize", paramLabel = "SIZE|HEIGHT,WIDTH",
            description = "Resize each image, SIZE being the shorter side, and re-encode it as JPEG "
                    + "(default: the images as they are).")
    private String resize;

    @Option(names = "--quality", paramLabel = "Q",
            description = "Re-encode each image as JPEG at this quality, 1 to 100 (default: the images as they are; "
                    + "95 with --resize).")
    private Integer quality;

    // No defaultValue: picocli formats descriptions, and the pattern's own % would be read as a format.
    @Option(names = "--pattern", paramLabel = "P",
            description = "The shards' names, a Java format of the shard number (default: shard-%%06d.tar).")
    private String pattern;

    @Override
    public Integer call() throws IOException {
        Invocation invocation = invocation();
        Path out = Invocation.outputFolder(folder, "--out");
        ShardExportBuilder builder = ShardExport.builder(loadConfig(), invocation.plugins(), out);
        shardSize(builder, shardSize);
        if (resize != null) {
            builder.resize(invocation.plugins().require(PluginKind.TRANSFORM, TransformProvider.class, "resize",
                    "--resize").create(Options.of("--resize", resize(resize))));
        }
        if (quality != null) {
            builder.quality((int) OptionBounds.within("--quality", quality, 1, 100));
        }
        if (pattern != null) {
            try {
                builder.pattern(pattern);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--pattern: " + e.getMessage(), e);
            }
        }
        long start = System.nanoTime();
        Progress[] progress = new Progress[1];
        builder.progress((done, total) -> {
            if (progress[0] == null) {
                progress[0] = new Progress(invocation.err(), invocation.interactive(), "shard", total, "samples", start);
            }
            progress[0].update(done, done);
        });
        ShardExport.Result result;
        try {
            result = builder.build().run();
        } finally {
            if (progress[0] != null) {
                progress[0].finish();
            }
        }
        List<Path> shards = result.shards();
        invocation.out().printf(Locale.ROOT, "wrote %d samples%s into %d shards (%.1f MB) in %s%s%n", result.samples(),
                result.skipped() == 0 ? "" : " (" + result.skipped() + " skipped)", shards.size(), result.bytes() / 1e6,
                out, shards.isEmpty() ? "" : ": " + shards.get(0).getFileName() + (shards.size() == 1 ? ""
                        : " .. " + shards.get(shards.size() - 1).getFileName()));
        return Main.OK;
    }

    /** {@code 1000} samples a shard, or {@code 256MB} (KB, MB, GB, KiB, MiB, GiB) bytes a shard. */
    private static void shardSize(ShardExportBuilder builder, String value) {
        Matcher matcher = SHARD_SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        long number = 0;
        if (matcher.matches()) {
            try {
                number = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
                number = 0;
            }
        }
        if (number < 1) {
            throw new UsageException("--shard-size must be a number of samples (1000) or of bytes with a unit (256MB), "
                    + "was '" + value + "'");
        }
        if (matcher.group(2) == null) {
            builder.maxSamples(number);
        } else {
            long unit = UNITS.get(matcher.group(2));
            if (number > Long.MAX_VALUE / unit) {
                throw new UsageException("--shard-size " + value.trim() + " is more bytes than a file can hold; the most "
                        + "is " + Long.MAX_VALUE / unit + matcher.group(2));
            }
            builder.maxSamples(Long.MAX_VALUE).maxBytes(number * unit);
        }
    }

    /** {@code 256}: the shorter side; {@code 224,224}: height and width. */
    private static Map<String, Object> resize(String value) {
        String[] sides = value.split(",", -1);
        Map<String, Object> options = new LinkedHashMap<>();
        try {
            if (sides.length == 1) {
                options.put("size", Integer.parseInt(sides[0].trim()));
                return options;
            }
            if (sides.length == 2) {
                options.put("size", List.of(Integer.parseInt(sides[0].trim()), Integer.parseInt(sides[1].trim())));
                return options;
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--resize must be SIZE (the shorter side) or HEIGHT,WIDTH, was '" + value + "'", e);
        }
        throw new UsageException("--resize must be SIZE (the shorter side) or HEIGHT,WIDTH, was '" + value + "'");
    }
}
