package dev.sluice.spark;

import dev.sluice.core.wiring.ShardExport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** {@link ShardJob}'s Parquet output: each task prepares a range of samples into rows, and Spark writes them. */
final class ParquetExport {
    /** key, format (the image's extension: jpg, png), image (the encoded bytes), labels. */
    static final StructType SCHEMA = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("format", DataTypes.StringType, false)
            .add("image", DataTypes.BinaryType, false)
            .add("labels", DataTypes.createArrayType(DataTypes.LongType, false), false);

    private ParquetExport() {
    }

    static ShardJob.Summary run(SparkSession spark, JavaSparkContext context, ShardJob.ExportSpec spec, int tasks,
            String out) {
        long entries = spec.build().entryCount();
        long perTask = spec.options().shardSize();
        List<Integer> taskNumbers = IntStream.range(0, Math.max(1, tasks)).boxed().toList();
        JavaRDD<Row> rows = context.parallelize(taskNumbers, taskNumbers.size()).flatMap(task -> {
            ShardExport export = spec.cached();
            long from = Math.min(entries, task * perTask);
            long to = Math.min(entries, from + perTask);
            List<Row> prepared = new ArrayList<>();
            export.prepare(from, to, sample -> prepared.add(RowFactory.create(sample.key(), sample.extension(),
                    sample.image(), TensorRows.boxed(sample.labels()))));
            return prepared.iterator();
        });
        spark.createDataFrame(rows, SCHEMA).write().parquet(out);
        long written = spark.read().parquet(out).count();
        return new ShardJob.Summary(List.of(out), written, entries - written);
    }
}
