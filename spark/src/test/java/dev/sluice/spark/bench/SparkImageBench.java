package dev.sluice.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;

import dev.sluice.spark.SparkPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Sluice's pipeline in Spark against Spark's own {@code image} data source, in {@code local[2]}, on
 * the same files: images per second (decoding every image and summing the decoded bytes, so nothing
 * is skipped), and how far the pixels agree (Spark's source is the JDK's ImageIO, in BGR order; the
 * comparison is per byte after reordering). A benchmark, not a test.
 *
 * <pre>
 * mvn -q -o -pl api,core,plugins-imageio,plugins-opencv,spark -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt
 * java [Spark's --add-opens flags, as in spark/pom.xml] -cp "spark/target/test-classes:spark/target/classes:\
 * core/target/classes:api/target/classes:api/target/test-classes:plugins-imageio/target/classes:\
 * plugins-opencv/target/classes:$(cat spark/target/cp.txt)" dev.sluice.spark.bench.SparkImageBench ../bench-set [repeats]
 * </pre>
 */
public final class SparkImageBench {
    private SparkImageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path images = Path.of(args.length > 0 ? args[0] : "../bench-set").resolve("images");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("sluice-vs-spark-image")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Dataset<Row> sparkImages = spark.read().format("image").load(images.toString()).select("image.*");
            long count = sparkImages.count();
            System.out.printf(Locale.ROOT, "%d images in %s, local[2], %d timed runs after one warm-up; median "
                    + "[min-max] images/s%n", count, images, repeats);
            report("spark image source", rates(() -> sparkImages.agg(sum(length(col("data")))).first(), count,
                    repeats));
            for (String backend : List.of("imageio", "opencv")) {
                Path config = Files.createTempFile("sluice-bench", ".yaml");
                // Spark's image source ignores EXIF orientation; for a like-for-like comparison, so does Sluice here.
                Files.writeString(config, "decoder:\n  backend: " + backend + "\n  apply_exif_orientation: false\n");
                SparkPipeline pipeline = SparkPipeline.fromConfig(config, List.of());
                Dataset<Row> files = spark.read().format("binaryFile").load(images.toString());
                report("sluice " + backend, rates(() -> pipeline.apply(files).agg(sum(length(col("data")))).first(),
                        count, repeats));
                agreement(backend, pipeline.apply(files), sparkImages);
                Files.delete(config);
            }
        } finally {
            spark.stop();
        }
    }

    /** Joins the two decodings by file name and reports how many bytes are equal and the largest difference. */
    private static void agreement(String backend, Dataset<Row> sluice, Dataset<Row> sparkImages) {
        Dataset<Row> ours = sluice.withColumn("name", element_at(split(col("key"), "/"), -1))
                .select(col("name"), col("data").as("rgb"), col("shape"));
        Dataset<Row> theirs = sparkImages.withColumn("name", element_at(split(col("origin"), "/"), -1))
                .select(col("name"), col("data").as("bgr"), col("nChannels"));
        MapFunction<Row, long[]> compare = row -> {
            byte[] rgb = (byte[]) row.getAs("rgb");
            byte[] stored = (byte[]) row.getAs("bgr");
            int channels = row.getAs("nChannels");
            // Spark keeps a grey JPEG grey (one channel); Sluice's RGB mode replicates grey into R, G and B.
            if (rgb.length != stored.length / channels * 3 || (channels != 1 && channels != 3)) {
                return new long[] {1, 0, 0, 0, 0, channels};
            }
            long equal = 0;
            long maxDiff = 0;
            long sumDiff = 0;
            for (int i = 0, j = 0; i < rgb.length; i += 3, j += channels) {
                for (int c = 0; c < 3; c++) {
                    int other = stored[channels == 1 ? j : j + 2 - c] & 0xFF;
                    int diff = Math.abs((rgb[i + c] & 0xFF) - other);
                    equal += diff == 0 ? 1 : 0;
                    maxDiff = Math.max(maxDiff, diff);
                    sumDiff += diff;
                }
            }
            return new long[] {0, equal, rgb.length, maxDiff, sumDiff, channels};
        };
        List<long[]> stats = ours.join(theirs, "name").map(compare, Encoders.kryo(long[].class)).collectAsList();
        long mismatchedShapes = 0;
        long equal = 0;
        long total = 0;
        long maxDiff = 0;
        long sumDiff = 0;
        long identicalImages = 0;
        long grey = 0;
        for (long[] s : stats) {
            grey += s[5] == 1 ? 1 : 0;
            mismatchedShapes += s[0];
            equal += s[1];
            total += s[2];
            maxDiff = Math.max(maxDiff, s[3]);
            sumDiff += s[4];
            identicalImages += s[0] == 0 && s[1] == s[2] ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "  %s vs spark: %d images compared (%d grey), %d of different shape, %d "
                + "identical; %.3f%% of bytes equal, mean |diff| %.4f, max |diff| %d%n", backend, stats.size(), grey,
                mismatchedShapes, identicalImages, 100.0 * equal / Math.max(1, total), (double) sumDiff / Math.max(1, total),
                maxDiff);
    }

    private static double[] rates(Runnable run, long images, int repeats) {
        double[] rates = new double[repeats];
        run.run();
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            run.run();
            rates[r] = images / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        return rates;
    }

    private static void report(String what, double[] rates) {
        System.out.printf(Locale.ROOT, "%-20s %8.1f [%.1f-%.1f]%n", what, rates[rates.length / 2], rates[0],
                rates[rates.length - 1]);
    }
}
