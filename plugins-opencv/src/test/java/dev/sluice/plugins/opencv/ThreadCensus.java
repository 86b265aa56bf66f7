package dev.sluice.plugins.opencv;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Not a test: run by {@code OpenCvThreadsTest} in a JVM of its own, so that no earlier OpenCV call
 * has started OpenCV's thread pool. On a thread named {@value #NAME}, decodes and encodes 600x400
 * images in every layout that needs a colour conversion, then converts one such image with a single
 * whole-image {@code cvtColor}, and prints after each how many threads bear that name (Linux names
 * a thread started from native code after the thread that started it): {@code decoded N} and
 * {@code whole M}.
 */
final class ThreadCensus {
    static final String NAME = "sluice-census";

    private ThreadCensus() {
    }

    public static void main(String[] args) throws Exception {
        if (!new OpenCvDecoderProvider().availability().available()) {
            System.out.println("unavailable");
            return;
        }
        Thread census = new Thread(ThreadCensus::count, NAME);
        census.start();
        census.join();
    }

    private static void count() {
        try {
            ImageDecoder decoder = new OpenCvDecoderProvider().create(Options.empty());
            ImageEncoder encoder = new OpenCvEncoderProvider().create(Options.empty());
            Image rgb = TestImages.photo(600, 400, 3);
            Image rgba = TestImages.photo(600, 400, 4);
            decoder.decode(ByteBuffer.wrap(TestImages.jpeg(rgb, 90)), DecodeOptions.DEFAULT);
            for (ColorMode mode : ColorMode.values()) {
                decoder.decode(ByteBuffer.wrap(TestImages.png(rgba)), DecodeOptions.DEFAULT.withMode(mode));
            }
            encoder.encode(rgb, EncodeOptions.jpeg(90));
            encoder.encode(rgba, EncodeOptions.png());
            System.out.println("decoded " + named());
            Mat bgr = new Mat(400, 600, CvType.CV_8UC3);
            Mat converted = new Mat();
            Imgproc.cvtColor(bgr, converted, Imgproc.COLOR_BGR2RGB);
            System.out.println("whole " + named());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long named() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).strip().equals(NAME);
                } catch (IOException ended) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
