package dev.sluice.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;

/** A local Spark and a few dozen small PNG images with a label file, for the tests. */
final class SparkFixtures {
    static final int IMAGES = 24;

    private SparkFixtures() {
    }

    /**
     * Spark in this JVM with two threads, as {@code local[2]}, without its web UI; one session for
     * every test class of the run (starting Spark is the slow part), stopped by Spark's own shutdown
     * hook when the JVM ends.
     */
    static SparkSession spark() {
        return SparkSession.builder().master("local[2]").appName("sluice-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
    }

    /**
     * Writes {@link #IMAGES} RGB PNGs {@code images/img-NN.png} of sizes from 5x4 to 9x6, each with its
     * own pixels, {@code train.txt} naming them with labels {@code n % 4} and {@code n}, and
     * {@code sluice.yaml} reading them with the {@code jdk-png} decoder.
     */
    static Path write(Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        StringBuilder labels = new StringBuilder();
        for (int n = 0; n < IMAGES; n++) {
            int width = 5 + n % 5;
            int height = 4 + n % 3;
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, (n * 10 + x * 20) << 16 | (y * 40) << 8 | (n * 7 + x * y) & 0xFF);
                }
            }
            String name = String.format("img-%02d.png", n);
            ImageIO.write(image, "png", images.resolve(name).toFile());
            labels.append(name).append(' ').append(n % 4).append(' ').append(n).append('\n');
        }
        Files.writeString(dir.resolve("train.txt"), labels);
        return Files.writeString(dir.resolve("sluice.yaml"), String.join("\n",
                "dataset:",
                "  labels: train.txt",
                "  root: images",
                "decoder:",
                "  backend: jdk-png",
                "loader:",
                "  seed: 5",
                ""));
    }
}
