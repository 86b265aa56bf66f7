package dev.sluice.spark;

import dev.sluice.api.Options;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.wiring.ShardExport;
import dev.sluice.core.wiring.ShardExportBuilder;
import dev.sluice.core.wiring.SluiceConfig;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point that turns a label-file dataset on shared storage into tar
 * shards or Parquet, in parallel across executors:
 *
 * <pre>
 * spark-submit --class dev.sluice.spark.ShardJob --master spark://head:7077 \
 *     --jars sluice-core.jar,sluice-api.jar,sluice-plugins-opencv.jar,... sluice-spark.jar \
 *     /shared/data/sluice.yaml --out /shared/shards --shard-size 1000 --resize 256 --quality 90
 * </pre>
 *
 * <p>Tar: the shards are split among tasks by number, and each task writes its own range of the
 * one numbering ({@link ShardExport#runShards}), so the result is exactly what {@code sluice shard}
 * writes on one machine; the output folder must be on storage every executor mounts at the same
 * path. Parquet: each task prepares {@code --shard-size} samples into rows (key, format, image,
 * labels), which Spark writes to {@code --out} (any path Spark can write).
 */
public final class ShardJob {
    private ShardJob() {
    }

    /**
     * Runs the job in the {@link SparkSession} {@code spark-submit} provides, prints a summary, and
     * stops the session.
     */
    public static void main(String[] args) {
        ShardJobOptions options;
        try {
            options = ShardJobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("sluice shard " + options.config()).getOrCreate();
        try {
            Summary summary = run(spark, options);
            System.out.printf(Locale.ROOT, "%d samples (%d skipped) into %s%n", summary.samples(), summary.skipped(),
                    summary.outputs().size() == 1 ? summary.outputs().get(0) : summary.outputs().size() + " shards in "
                    + options.out());
        } finally {
            spark.stop();
        }
    }

    /**
     * What a job wrote.
     *
     * @param outputs the shards in order (tar), or the Parquet folder
     * @param samples the samples written
     * @param skipped the samples left out under {@code on_error: skip}
     */
    public record Summary(List<String> outputs, long samples, long skipped) implements Serializable {
        /** @throws NullPointerException if {@code outputs} is null */
        public Summary {
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * Runs the job described by {@code args} (the command line after the jar) in {@code spark}. When a
     * task fails, Spark's {@link org.apache.spark.SparkException} comes out undeclared, as Spark throws it;
     * its cause names the sample's index and file.
     *
     * @throws IllegalArgumentException for a malformed command line, with the usage
     * @throws dev.sluice.core.wiring.ConfigException for a wrong configuration, naming file, key and line
     */
    public static Summary run(SparkSession spark, String... args) {
        return run(spark, ShardJobOptions.parse(args));
    }

    static Summary run(SparkSession spark, ShardJobOptions options) {
        Path configFile = Path.of(options.config()).toAbsolutePath();
        SluiceConfig config = SluiceConfig.load(configFile, options.overrides());
        ExportSpec spec = new ExportSpec(new ConfigText(SparkPipeline.read(configFile), config.baseDir().toString()),
                options);
        ShardExport driverSide = spec.build();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (options.format().equals("parquet")) {
            return ParquetExport.run(spark, context, spec, driverSide.shardCount(), options.out());
        }
        Path out = Path.of(options.out());
        Path first = out.resolve(String.format(driverSide.pattern(), 0));
        if (Files.exists(first)) {
            throw new IllegalArgumentException(first + " exists: the output folder holds shards already; remove them or "
                    + "choose another --out");
        }
        int shards = driverSide.shardCount();
        int parts = Math.max(1, Math.min(shards, options.parts() > 0 ? options.parts() : shards));
        int perPart = (shards + parts - 1) / parts;
        List<Integer> partNumbers = IntStream.range(0, parts).boxed().toList();
        String outDir = options.out();
        List<Summary> results = context.parallelize(partNumbers, parts).map(part -> {
            ShardExport export = spec.cached();
            // A retried task finds what its failed attempt left of its own range.
            clear(Path.of(outDir), export.pattern(), part * perPart, perPart);
            ShardExport.Result result = export.runShards(part * perPart, perPart);
            return new Summary(result.shards().stream().map(Path::toString).toList(), result.samples(),
                    result.skipped());
        }).collect();
        List<String> outputs = new ArrayList<>();
        long samples = 0;
        long skipped = 0;
        for (Summary result : results) {
            outputs.addAll(result.outputs());
            samples += result.samples();
            skipped += result.skipped();
        }
        return new Summary(outputs, samples, skipped);
    }

    private static void clear(Path out, String pattern, int first, int count) throws IOException {
        for (int shard = first; shard < first + count; shard++) {
            Path file = out.resolve(String.format(pattern, shard));
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".part"));
        }
    }

    /** What every task needs to build the same export: the configuration's text and the options. */
    record ExportSpec(ConfigText config, ShardJobOptions options) implements Serializable {

        /** The export, built on the calling machine. */
        ShardExport build() {
            SluiceConfig parsed = SluiceConfig.parse(config.yaml(), Path.of(config.baseDir()), options.overrides());
            Path out = Path.of(options.out());
            if (options.format().equals("parquet")) {
                // Parquet tasks prepare samples only; the export's own folder is never written.
                out = Path.of(config.baseDir());
            }
            ShardExportBuilder builder = ShardExport.builder(parsed, ConfigText.plugins(), out)
                    .maxSamples(options.shardSize());
            if (!options.resize().isEmpty()) {
                builder.resize(ConfigText.plugins().require(PluginKind.TRANSFORM, TransformProvider.class, "resize",
                        "--resize").create(Options.of("resize", options.resize())));
            }
            if (options.quality() > 0) {
                builder.quality(options.quality());
            }
            return builder.build();
        }

        /** The export, built once per executor and shared by its tasks. */
        ShardExport cached() {
            return ExecutorCache.get(this, ExportSpec::build);
        }
    }
}
