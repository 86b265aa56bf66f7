package dev.sluice.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured pipeline over a DataFrame of image bytes, in Spark's executors (local[2]). */
class SparkPipelineTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;
    private static Path config;

    @BeforeAll
    static void startSparkAndWriteImages() throws IOException {
        config = SparkFixtures.write(dir);
        spark = SparkFixtures.spark();
    }

    private static Dataset<Row> binaryFiles() {
        return spark.read().format("binaryFile").option("pathGlobFilter", "*.png").load(dir.resolve("images").toString());
    }

    @Test
    void eachImageBecomesItsPixelsAndTheyAgreeWithSparksImageSource() {
        List<Row> rows = SparkPipeline.fromConfig(config, List.of()).apply(binaryFiles()).collectAsList();
        assertEquals(SparkFixtures.IMAGES, rows.size());
        Map<String, Row> sparks = new HashMap<>();
        for (Row image : spark.read().format("image").load(dir.resolve("images").toString()).select("image.*")
                .collectAsList()) {
            sparks.put(fileName(image.getString(image.fieldIndex("origin"))), image);
        }
        for (Row row : rows) {
            Row theirs = sparks.get(fileName(row.getString(0)));
            int height = theirs.getInt(theirs.fieldIndex("height"));
            int width = theirs.getInt(theirs.fieldIndex("width"));
            assertEquals(List.of(height, width, 3), row.getList(2));
            assertEquals("uint8", row.getString(3));
            byte[] bgr = (byte[]) theirs.get(theirs.fieldIndex("data"));
            byte[] rgb = (byte[]) row.get(1);
            for (int i = 0; i < rgb.length; i += 3) {
                assertEquals(bgr[i + 2], rgb[i], "red of " + row.getString(0));
                assertEquals(bgr[i + 1], rgb[i + 1]);
                assertEquals(bgr[i], rgb[i + 2]);
            }
            assertEquals(List.of(), row.getList(4), "binaryFile rows have no labels");
        }
    }

    @Test
    void labelsComeFromALabelTableJoinedByFileName() throws IOException {
        List<Row> table = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("train.txt"))) {
            String[] fields = line.split(" ");
            table.add(RowFactory.create(fields[0], List.of(Long.parseLong(fields[1]), Long.parseLong(fields[2]))));
        }
        StructType schema = new StructType().add("name", DataTypes.StringType)
                .add("labels", DataTypes.createArrayType(DataTypes.LongType));
        Dataset<Row> labelled = binaryFiles().withColumn("name", element_at(split(col("path"), "/"), -1))
                .join(spark.createDataFrame(table, schema), "name");
        for (Row row : SparkPipeline.fromConfig(config, List.of()).apply(labelled).collectAsList()) {
            int n = Integer.parseInt(fileName(row.getString(0)).substring(4, 6));
            assertEquals(List.of((long) n % 4, (long) n), row.getList(4));
        }
    }

    @Test
    void aRowsRandomTransformDependsOnItsKeyNotOnThePartitioning() throws IOException {
        Path flipping = Files.writeString(dir.resolve("flip.yaml"),
                "decoder:\n  backend: jdk-png\ntransforms:\n  - test-random-flip: {p: 0.5}\nloader:\n  seed: 9\n");
        SparkPipeline pipeline = SparkPipeline.fromConfig(flipping, List.of());
        Map<String, List<Byte>> one = pixels(pipeline.apply(binaryFiles().repartition(1)).collectAsList());
        Map<String, List<Byte>> five = pixels(pipeline.apply(binaryFiles().repartition(5)).collectAsList());
        assertEquals(one, five);
        Map<String, List<Byte>> plain = pixels(SparkPipeline.fromConfig(config, List.of()).apply(binaryFiles())
                .collectAsList());
        long flipped = one.keySet().stream().filter(key -> !one.get(key).equals(plain.get(key))).count();
        assertTrue(flipped > 3 && flipped < SparkFixtures.IMAGES - 3, flipped + " of " + SparkFixtures.IMAGES
                + " flipped with p = 0.5");
    }

    @Test
    void aCorruptImageFailsTheTaskNamingItUnlessSkipIsAsked() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.copy(dir.resolve("images/img-00.png"), broken.resolve("good.png"));
        Files.writeString(broken.resolve("bad.png"), "not a png");
        Dataset<Row> files = spark.read().format("binaryFile").load(broken.toString());
        Exception e = assertThrows(Exception.class,
                () -> SparkPipeline.fromConfig(config, List.of()).apply(files).collectAsList());
        assertTrue(rootMessage(e).contains("bad.png: "), rootMessage(e));
        List<Row> kept = SparkPipeline.fromConfig(config, List.of("loader.on_error=skip")).apply(files).collectAsList();
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).getString(0).endsWith("good.png"));
    }

    @Test
    void aMissingColumnIsNamedWithThoseThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkPipeline.fromConfig(config, List.of()).contentColumn("bytes").apply(binaryFiles()));
        assertEquals("the input has no column 'bytes' for the image bytes (binary); it has path, modificationTime, "
                + "length, content", e.getMessage());
    }

    private static Map<String, List<Byte>> pixels(List<Row> rows) {
        Map<String, List<Byte>> pixels = new HashMap<>();
        for (Row row : rows) {
            List<Byte> bytes = new ArrayList<>();
            for (byte b : (byte[]) row.get(1)) {
                bytes.add(b);
            }
            pixels.put(row.getString(0), bytes);
        }
        return pixels;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
