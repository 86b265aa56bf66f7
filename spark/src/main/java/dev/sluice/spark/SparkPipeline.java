package dev.sluice.spark;

import dev.sluice.core.wiring.ImagePipeline;
import dev.sluice.core.wiring.SluiceConfig;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a Sluice configuration's decoder and transforms over a Spark {@code Dataset<Row>} of image
 * bytes, inside the executors, with the plugins on their class path: the same pipeline a
 * {@link dev.sluice.core.loader.DataLoader} runs, on a cluster. The input is what Spark's
 * {@code binaryFile} source reads ({@code path}, {@code content}), or any table with a key column,
 * a binary column and, optionally, a labels column (an integer or an array of integers). Each
 * output row ({@link #schema()}) holds the key, the sample's tensor as little-endian bytes in C
 * order, its shape and dtype, and the labels.
 *
 * <p>A sample's random transforms draw from a source derived from {@code loader.seed} and its key,
 * so a row is transformed the same way however the data is partitioned. Under
 * {@code loader.on_error: skip} a row that fails is left out and logged on its executor; otherwise
 * the task fails with the key and the reason.
 *
 * <pre>{@code
 * Dataset<Row> images = spark.read().format("binaryFile").load("/shared/images");
 * Dataset<Row> tensors = SparkPipeline.fromConfig(Path.of("sluice.yaml"), List.of()).apply(images);
 * tensors.write().parquet("/shared/tensors");
 * }</pre>
 *
 * <p>Immutable and serializable; it carries the configuration's text to the executors, which
 * parse it again (relative paths resolve against the configuration's folder, which must be on
 * storage every executor sees).
 */
public final class SparkPipeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ConfigText config;
    private final String keyColumn;
    private final String contentColumn;
    private final String labelsColumn;

    private SparkPipeline(ConfigText config, String keyColumn, String contentColumn, String labelsColumn) {
        this.config = config;
        this.keyColumn = keyColumn;
        this.contentColumn = contentColumn;
        this.labelsColumn = labelsColumn;
    }

    /**
     * The pipeline {@code file} describes (its {@code dataset} section, if any, is not used), checked
     * here on the driver with the plugins of the calling thread's class loader.
     *
     * @param overrides {@code key.path=value} settings, as {@code --set} gives them
     * @throws dev.sluice.core.wiring.ConfigException for a wrong configuration, naming file, key and line
     * @throws dev.sluice.core.plugin.PluginException when a named plugin is missing or unavailable
     */
    public static SparkPipeline fromConfig(Path file, List<String> overrides) {
        SluiceConfig full = SluiceConfig.load(file, overrides);
        ConfigText text = new ConfigText(full.pipelineYaml(), full.baseDir().toString());
        ImagePipeline.fromConfig(text.parse(), ConfigText.plugins());
        return new SparkPipeline(text, "path", "content", "labels");
    }

    /** This pipeline reading keys from {@code column} (default {@code path}, a string column). */
    public SparkPipeline keyColumn(String column) {
        return new SparkPipeline(config, Objects.requireNonNull(column, "column"), contentColumn, labelsColumn);
    }

    /** This pipeline reading image bytes from {@code column} (default {@code content}, a binary column). */
    public SparkPipeline contentColumn(String column) {
        return new SparkPipeline(config, keyColumn, Objects.requireNonNull(column, "column"), labelsColumn);
    }

    /**
     * This pipeline reading labels from {@code column} (default {@code labels}; an integer or an
     * array of integers). When the input has no such column, every row has no labels.
     */
    public SparkPipeline labelsColumn(String column) {
        return new SparkPipeline(config, keyColumn, contentColumn, Objects.requireNonNull(column, "column"));
    }

    /** The output rows' schema: key string, data binary, shape array of int, dtype string, labels array of long. */
    public static StructType schema() {
        return TensorRows.SCHEMA;
    }

    /**
     * The decoded and transformed samples of {@code images}, one row per input row (fewer under
     * {@code on_error: skip}), computed lazily in the executors as Spark evaluates the result.
     *
     * @throws IllegalArgumentException if the key or content column is missing or of the wrong type
     */
    public Dataset<Row> apply(Dataset<Row> images) {
        StructType input = images.schema();
        int key = column(input, keyColumn, "a key (string)");
        int content = column(input, contentColumn, "the image bytes (binary)");
        int labels = input.getFieldIndex(labelsColumn).isDefined() ? input.fieldIndex(labelsColumn) : -1;
        return images.mapPartitions(new PipelinePartition(config, key, content, labels), Encoders.row(schema()));
    }

    private static int column(StructType schema, String name, String what) {
        if (schema.getFieldIndex(name).isEmpty()) {
            throw new IllegalArgumentException("the input has no column '" + name + "' for " + what + "; it has "
                    + String.join(", ", schema.fieldNames()));
        }
        return schema.fieldIndex(name);
    }

    /** The text of the configuration the executors parse. */
    String configYaml() {
        return config.yaml();
    }

    /** Reads a file into a string, for callers that pass configuration text around. */
    static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
