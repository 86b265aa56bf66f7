package dev.sluice.api.contract;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Single-thread decode throughput of an {@link ImageDecoder} on ImageNet-sized JPEGs, for the
 * benchmark mains of the decoder plugins. Not a test: it asserts nothing and never fails a build.
 *
 * <p>The inputs are made in memory from real photographs: random 4:3 crops of the photographs in
 * a folder, scaled to 500 x 375 with bicubic interpolation and written by the JDK's JPEG writer at
 * quality 90 (4:2:0, as PIL writes ImageNet-like sets). Every configuration is warmed up, then all
 * are timed in turns, in rounds of whole passes through the inputs; the best and the median round
 * of each are printed.
 *
 * <pre>{@code
 * DecodeBenchmarks.run("opencv", decoder, Path.of("../photos"), 200);
 * }</pre>
 */
public final class DecodeBenchmarks {
    private static final int WIDTH = 500;
    private static final int HEIGHT = 375;
    /** Rounds per configuration: on a shared machine the best round is the least disturbed one. */
    private static final int ROUNDS = 7;
    private static final long ROUND_NANOS = 1_500_000_000L;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private DecodeBenchmarks() {
    }

    /**
     * Prints images per second for full-size RGB, 1/2-scale RGB and full-size grey decodes.
     *
     * @param name the backend's name, for the printed lines
     * @param decoder the decoder under test
     * @param photos a folder of JPEG photographs at least 500 x 375 pixels large
     * @param count how many distinct 500 x 375 JPEGs to make, {@code > 0}
     * @throws IOException if the photographs cannot be read
     * @throws DecodeException if the decoder fails on an input
     */
    public static void run(String name, ImageDecoder decoder, Path photos, int count) throws IOException {
        List<ByteBuffer> inputs = inputs(photos, count);
        long bytes = inputs.stream().mapToLong(ByteBuffer::remaining).sum();
        System.out.printf(Locale.ROOT, "%s: %d JPEGs of %dx%d, quality 90, mean %.1f KB; Java %s%n", name, inputs.size(),
                WIDTH, HEIGHT, bytes / 1024.0 / inputs.size(), System.getProperty("java.version"));
        List<DecodeOptions> configurations = List.of(DecodeOptions.DEFAULT, DecodeOptions.DEFAULT.withReduce(2),
                DecodeOptions.DEFAULT.withMode(ColorMode.GRAY));
        for (DecodeOptions options : configurations) {
            measure(decoder, inputs, options, WARM_UP_NANOS);
        }
        // Rounds go round-robin over the configurations, so that a disturbance from other processes
        // falls on all of them alike rather than on whichever ran at the time.
        double[][] rounds = new double[configurations.size()][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int c = 0; c < configurations.size(); c++) {
                rounds[c][round] = measure(decoder, inputs, configurations.get(c), ROUND_NANOS);
            }
        }
        for (int c = 0; c < configurations.size(); c++) {
            DecodeOptions options = configurations.get(c);
            String what = options.mode() + (options.reduce() > 1 ? " reduce " + options.reduce() : " full size");
            double[] sorted = rounds[c].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s %-18s best %7.1f images/s (%.3f ms each), median %7.1f, of %d rounds%n",
                    name, what, sorted[ROUNDS - 1], 1000 / sorted[ROUNDS - 1], sorted[ROUNDS / 2], ROUNDS);
        }
    }

    private static double measure(ImageDecoder decoder, List<ByteBuffer> inputs, DecodeOptions options, long nanos)
            throws DecodeException {
        long checksum = 0;
        long decoded = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (ByteBuffer input : inputs) {
                Image image = decoder.decode(input, options);
                checksum += image.get(image.width() / 2, image.height() / 2, 0);
            }
            decoded += inputs.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        if (checksum == Long.MIN_VALUE) {
            System.out.println("unlikely checksum, printed so that no decode is optimised away");
        }
        return decoded * 1e9 / elapsed;
    }

    /** {@code count} JPEGs of 500 x 375, deterministic for the same photographs. */
    static List<ByteBuffer> inputs(Path photos, int count) throws IOException {
        List<BufferedImage> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(photos)) {
            for (Path file : files.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted().toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                if (image != null && image.getWidth() >= WIDTH && image.getHeight() >= HEIGHT) {
                    sources.add(image);
                }
            }
        }
        if (sources.isEmpty()) {
            throw new IOException(photos + ": no JPEG photograph of at least " + WIDTH + "x" + HEIGHT + " pixels");
        }
        SplittableRandom random = new SplittableRandom(42);
        List<ByteBuffer> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BufferedImage source = sources.get(random.nextInt(sources.size()));
            int cropWidth = Math.min(source.getWidth(), source.getHeight() * 4 / 3);
            cropWidth = random.nextInt(Math.max(WIDTH, cropWidth / 3), cropWidth + 1);
            int cropHeight = cropWidth * 3 / 4;
            int x = random.nextInt(source.getWidth() - cropWidth + 1);
            int y = random.nextInt(source.getHeight() - cropHeight + 1);
            BufferedImage scaled = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(source, 0, 0, WIDTH, HEIGHT, x, y, x + cropWidth, y + cropHeight, null);
            g.dispose();
            inputs.add(ByteBuffer.wrap(jpeg(scaled)));
        }
        return inputs;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("the JDK's JPEG writer failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
