package dev.sluice.plugins.opencv;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.Region;
import dev.sluice.api.contract.TestImages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: decodes (and every tenth time encodes) a small JPEG and PNG a million times with the
 * options cycling, and prints the process's resident memory (VmRSS, Linux) every 100,000 decodes,
 * to show that native memory does not grow. Run by hand:
 *
 * <pre>{@code
 * mvn -q -pl plugins-opencv exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sluice.plugins.opencv.OpenCvMemorySoak [-Dexec.args=1000000]
 * }</pre>
 */
final class OpenCvMemorySoak {
    private OpenCvMemorySoak() {
    }

    public static void main(String[] args) throws IOException {
        long decodes = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        ImageDecoder decoder = new OpenCvDecoderProvider().create(Options.empty());
        ImageEncoder encoder = new OpenCvEncoderProvider().create(Options.empty());
        Image photo = TestImages.photo(64, 48, 3);
        List<ByteBuffer> inputs = List.of(ByteBuffer.wrap(TestImages.jpeg(photo, 90)), ByteBuffer.wrap(TestImages.png(photo)));
        List<DecodeOptions> options = List.of(DecodeOptions.DEFAULT, DecodeOptions.DEFAULT.withMode(ColorMode.GRAY),
                DecodeOptions.DEFAULT.withReduce(2), DecodeOptions.DEFAULT.withRegion(new Region(8, 8, 32, 16)),
                DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED).withReduce(4));
        long checksum = 0;
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "%10s %12s %10s%n", "decodes", "VmRSS (kB)", "seconds");
        for (long i = 0; i < decodes; i++) {
            Image image = decoder.decode(inputs.get((int) (i & 1)), options.get((int) (i % options.size())));
            checksum += image.get(0, 0, 0);
            if (i % 10 == 0) {
                checksum += encoder.encode(image, (i & 2) == 0 ? EncodeOptions.png() : EncodeOptions.jpeg(90)).length;
            }
            if (i % 100_000 == 0 || i == decodes - 1) {
                System.out.printf(Locale.ROOT, "%10d %12s %10.1f%n", i + 1, residentKilobytes(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.println("checksum " + checksum);
    }

    private static String residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring(6).trim().replace(" kB", "");
            }
        }
        return "n/a";
    }
}
