package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.api.spi.Reductions;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.ImagePipeline;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.core.wiring.SluiceConfig;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code decoder.reduce: auto} on the evaluation pipeline (resize 256, centre crop 224, to tensor),
 * on both backends, against {@code reduce: 1}. The photographs are large JPEGs made here as mosaics
 * of the sample photographs at their own resolution (160 x 120 tiles), detail everywhere: a harder
 * case than real photographs, where one step of reduction too many shows at once.
 *
 * <p>The tolerance, per image, in 8-bit levels of the tensor against full decode + resize: mean
 * absolute difference at most {@value #MEAN_LEVELS}, 99th percentile at most {@value #P99_LEVELS}.
 * Measured on 18 real photographs of 1280 x 1024 to 3840 x 2400 (by hand, not here): opencv mean
 * 0.46 and p99 5 over all, the worst image 0.90 and 15; imageio 0.36 and 4, the worst 0.89 and 15.
 * On these mosaics at the factors the rule picks: at worst mean 1.6 and p99 10 (and 2.2 and 12 for
 * a 3840 x 2400 one); one step further: at least mean 3.8 and p99 25.
 */
class AutoReduceTest {
    private static final double MEAN_LEVELS = 2.5;
    private static final int P99_LEVELS = 16;
    /** Width, height, and the factor the rule allows for the eval pipeline. */
    private static final int[][] PHOTOS = {{2560, 1600, 4}, {1680, 1050, 2}, {1200, 1900, 4}};
    private static final int CROP = 224;
    private static final Map<String, float[]> BATCHES = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeTheLargePhotographs() throws IOException {
        List<BufferedImage> tiles = new ArrayList<>();
        try (var images = Files.list(Cli.sampleData().resolve("images"))) {
            for (Path image : images.sorted().toList()) {
                tiles.add(ImageIO.read(image.toFile()));
            }
        }
        Files.createDirectories(dir.resolve("images"));
        StringBuilder labels = new StringBuilder();
        for (int[] photo : PHOTOS) {
            BufferedImage mosaic = new BufferedImage(photo[0], photo[1], BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D graphics = mosaic.createGraphics();
            int tile = 0;
            for (int y = 0; y < photo[1]; y += 120) {
                for (int x = 0; x < photo[0]; x += 160) {
                    graphics.drawImage(tiles.get(tile % tiles.size()), x, y, null);
                    tile += 3;
                }
            }
            graphics.dispose();
            writeJpeg(mosaic, dir.resolve("images").resolve(name(photo)));
            labels.append(name(photo)).append(" 0\n");
        }
        Files.writeString(dir.resolve("train.txt"), labels, StandardCharsets.UTF_8);
    }

    private static String name(int[] photo) {
        return "mosaic-" + photo[0] + "x" + photo[1] + ".jpg";
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static SluiceConfig config(String backend, String reduce) {
        String yaml = "dataset:\n  labels: train.txt\n  root: images\n"
                + "decoder:\n  backend: " + backend + "\n  reduce: " + reduce + "\n"
                + "transforms:\n  - resize: {size: 256, interpolation: bilinear, antialias: true}\n"
                + "  - center_crop: {size: " + CROP + "}\n  - to_tensor\n"
                + "loader:\n  batch_size: " + PHOTOS.length + "\n  num_workers: 2\n";
        return SluiceConfig.parse(yaml, dir, List.of());
    }

    private static PluginRegistry plugins() {
        return PluginRegistry.discover(AutoReduceTest.class.getClassLoader());
    }

    /** The one batch of all photographs, {@code [3, 3, 224, 224]}, as floats; loaded once per backend and setting. */
    private static synchronized float[] batch(String backend, String reduce) {
        return BATCHES.computeIfAbsent(backend + " " + reduce, key -> {
            List<float[]> batches = new ArrayList<>();
            try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(config(backend, reduce),
                    plugins())) {
                for (LabeledBatch batch : loader) {
                    assertArrayEquals(new int[] {PHOTOS.length, 3, CROP, CROP}, batch.images().shape(),
                            key + ": the batch's shape");
                    batches.add(batch.images().toFloatArray());
                }
            }
            assertEquals(1, batches.size(), key + ": batches");
            return batches.get(0);
        });
    }

    /** Mean absolute difference and 99th percentile, in 8-bit levels, of photograph {@code index}'s tensors. */
    private static double[] difference(float[] expected, float[] actual, int index) {
        int size = 3 * CROP * CROP;
        long[] histogram = new long[256];
        double sum = 0;
        for (int i = index * size; i < (index + 1) * size; i++) {
            double levels = Math.abs(expected[i] - actual[i]) * 255.0;
            sum += levels;
            histogram[(int) Math.min(255, Math.round(levels))]++;
        }
        long seen = 0;
        int p99 = 0;
        while (seen + histogram[p99] < 0.99 * size) {
            seen += histogram[p99++];
        }
        return new double[] {sum / size, p99};
    }

    private static boolean withinTolerance(double[] difference) {
        return difference[0] <= MEAN_LEVELS && difference[1] <= P99_LEVELS;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opencv", "imageio"})
    void autoReduceDecodesEachPhotographAtTheLargestFactorThatKeepsItAtLeastTheTarget(String backend) throws Exception {
        ImagePipeline pipeline = ImagePipeline.fromConfig(config(backend, "auto"), plugins());
        for (int[] photo : PHOTOS) {
            byte[] encoded = Files.readAllBytes(dir.resolve("images").resolve(name(photo)));
            assertEquals(photo[2], Reductions.factor(ImageHeader.read(ByteBuffer.wrap(encoded)), pipeline.decodeOptions()),
                    name(photo));
            Image decoded = pipeline.decoder().decode(ByteBuffer.wrap(encoded), pipeline.decodeOptions());
            assertEquals(Reductions.reducedLength(photo[0], photo[2]) + "x" + Reductions.reducedLength(photo[1], photo[2]),
                    decoded.width() + "x" + decoded.height(), name(photo) + " as the loader decodes it");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opencv", "imageio"})
    void eachSampleIsExactlyWhatTheChosenFixedFactorGives(String backend) {
        float[] auto = batch(backend, "auto");
        int size = 3 * CROP * CROP;
        for (int i = 0; i < PHOTOS.length; i++) {
            float[] fixed = batch(backend, String.valueOf(PHOTOS[i][2]));
            for (int k = i * size; k < (i + 1) * size; k++) {
                if (fixed[k] != auto[k]) {
                    throw new AssertionError(name(PHOTOS[i]) + ": element " + (k - i * size) + " is " + auto[k]
                            + " under auto, " + fixed[k] + " under reduce: " + PHOTOS[i][2]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opencv", "imageio"})
    void autoReduceStaysWithinTheToleranceOfAFullDecode(String backend) {
        float[] full = batch(backend, "1");
        float[] auto = batch(backend, "auto");
        for (int i = 0; i < PHOTOS.length; i++) {
            double[] difference = difference(full, auto, i);
            assertTrue(withinTolerance(difference), name(PHOTOS[i]) + " reduced by " + PHOTOS[i][2] + ": mean "
                    + difference[0] + " levels, p99 " + difference[1] + ", beyond mean " + MEAN_LEVELS + ", p99 " + P99_LEVELS);
        }
    }

    /** The tolerance is tight enough to catch a factor one step larger than the rule allows, or more. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opencv", "imageio"})
    void reducingFurtherThanTheRuleAllowsBreaksTheTolerance(String backend) {
        float[] full = batch(backend, "1");
        for (int i = 0; i < PHOTOS.length; i++) {
            for (int factor = PHOTOS[i][2] * 2; factor <= 8; factor *= 2) {
                double[] difference = difference(full, batch(backend, String.valueOf(factor)), i);
                assertTrue(!withinTolerance(difference), name(PHOTOS[i]) + " reduced by " + factor + " where the rule "
                        + "allows " + PHOTOS[i][2] + ": mean " + difference[0] + " levels, p99 " + difference[1]
                        + ", within the tolerance");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opencv", "imageio"})
    void reduceOneOptsOutAndDecodesFullSize(String backend) throws Exception {
        ImagePipeline pipeline = ImagePipeline.fromConfig(config(backend, "1"), plugins());
        assertSame(ReduceLimit.NONE, pipeline.decodeOptions().autoReduce());
        for (int[] photo : PHOTOS) {
            byte[] encoded = Files.readAllBytes(dir.resolve("images").resolve(name(photo)));
            Image decoded = pipeline.decoder().decode(ByteBuffer.wrap(encoded), pipeline.decodeOptions());
            assertEquals(photo[0] + "x" + photo[1], decoded.width() + "x" + decoded.height(), name(photo));
        }
    }
}
