package dev.sluice.plugins.imageio;

import com.sun.management.ThreadMXBean;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Not a test: CPU time and bytes allocated per JPEG on this thread for four ways of reading it, in
 * one JVM, alternating in chunks of 10 files: TwelveMonkeys' reader new per file or kept, the JDK's
 * new per file or kept (BENCHMARKS.md, "the imageio backend's per-file garbage"). Each image is read
 * into a reused destination, as the backend reads it. Run by hand from the repository, here on the
 * benchmark set that bench/side-by-side.sh makes beside it:
 *
 * <pre>{@code
 * mvn -q -pl plugins-imageio exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sluice.plugins.imageio.JpegReaderChoiceBenchmark -Dexec.args="../bench-set/images 300 21"
 * }</pre>
 */
final class JpegReaderChoiceBenchmark {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String[] WAYS = {"TwelveMonkeys, new per file", "TwelveMonkeys, kept", "JDK, new per file",
        "JDK, kept"};
    private static final int CHUNK = 10;

    private byte[] destination = new byte[0];

    private JpegReaderChoiceBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: JpegReaderChoiceBenchmark JPEG_DIR [COUNT] [ROUNDS]");
        }
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(Path.of(args[0]))) {
            for (Path file : listing.sorted().limit(args.length > 1 ? Integer.parseInt(args[1]) : 300).toList()) {
                files.add(Files.readAllBytes(file));
            }
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        new JpegReaderChoiceBenchmark().run(files, rounds);
    }

    private void run(List<byte[]> files, int rounds) throws IOException {
        ImageReader[] kept = {null, Readers.create("jpeg"), null, Readers.createJdkJpeg()};
        double[][] cpuMs = new double[WAYS.length][rounds];
        double[][] kilobytes = new double[WAYS.length][rounds];
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < rounds; round++) {
            for (int chunk = 0; chunk < files.size(); chunk += CHUNK) {
                for (int turn = 0; turn < WAYS.length; turn++) {
                    int way = (turn + chunk / CHUNK + round) % WAYS.length;
                    long cpu = THREADS.getThreadCpuTime(thread);
                    long bytes = THREADS.getThreadAllocatedBytes(thread);
                    for (int i = chunk; i < Math.min(files.size(), chunk + CHUNK); i++) {
                        read(way, kept[way], files.get(i));
                    }
                    cpuMs[way][round] += (THREADS.getThreadCpuTime(thread) - cpu) / 1e6 / files.size();
                    kilobytes[way][round] += (THREADS.getThreadAllocatedBytes(thread) - bytes) / 1024.0 / files.size();
                }
            }
        }
        for (int way = 0; way < WAYS.length; way++) {
            System.out.printf("%-28s CPU ms/image %s, KB/image %s%n", WAYS[way], spread(cpuMs[way], null),
                    spread(kilobytes[way], null));
            if (way % 2 == 1) {
                System.out.printf("%-28s kept / new CPU per round %s%n", "", spread(cpuMs[way], cpuMs[way - 1]));
            }
        }
    }

    private void read(int way, ImageReader kept, byte[] file) throws IOException {
        ImageReader reader = kept != null ? kept : way == 0 ? Readers.create("jpeg") : Readers.createJdkJpeg();
        try (ByteArrayImageInputStream input = new ByteArrayImageInputStream(file)) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (destination.length < width * height * 3) {
                destination = new byte[width * height * 3];
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestination(StoredSamples.destination(new PixelBuffer(width, height, 3, destination)));
            reader.read(0, param);
        } finally {
            if (kept == null) {
                reader.dispose();
            } else {
                reader.reset();
            }
        }
    }

    /** The median and range over the rounds after the first, of {@code values} or of their ratios to {@code base}. */
    private static String spread(double[] values, double[] base) {
        double[] kept = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            kept[i - 1] = base == null ? values[i] : values[i] / base[i];
        }
        Arrays.sort(kept);
        return String.format("%.3f (%.3f-%.3f)", kept[kept.length / 2], kept[0], kept[kept.length - 1]);
    }
}
