package dev.sluice.core.shard;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A shard of 400 samples (a 100 KB photograph-sized member and a label each, 40 MB) read by
 * {@link TarReader} from the page cache, by this thread's CPU time, which other processes on a loaded
 * machine do not inflate as they inflate wall-clock time: {@code read} takes every member's data,
 * {@code skip} only the headers (as a resumed stream steps to its position). Rounds (default 15)
 * after 3 to warm up; the median per way in ms per shard and in MB/s.
 *
 * <pre>
 * mvn -B -q -o -pl core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp core/target/test-classes:core/target/classes:$(cat core/target/cp.txt) dev.sluice.core.shard.TarReadBenchmark [rounds]
 * </pre>
 */
public final class TarReadBenchmark {
    private static final int SAMPLES = 400;
    private static final int IMAGE_BYTES = 100_000;

    private TarReadBenchmark() {
    }

    /** One way of reading the shard; returns a sum so that nothing is optimised away. */
    interface Reading {
        long run(Path shard) throws IOException;
    }

    static long read(Path shard) throws IOException {
        long sum = 0;
        try (TarReader reader = TarReader.open(shard, "bench.tar")) {
            for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
                sum += reader.readData().length;
            }
        }
        return sum;
    }

    static long skip(Path shard) throws IOException {
        long sum = 0;
        try (TarReader reader = TarReader.open(shard, "bench.tar")) {
            for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
                sum += entry.size();
            }
        }
        return sum;
    }

    public static void main(String[] args) throws IOException {
        Map<String, Reading> readings = new LinkedHashMap<>();
        readings.put("read", TarReadBenchmark::read);
        readings.put("skip", TarReadBenchmark::skip);
        run(readings, args.length > 0 ? Integer.parseInt(args[0]) : 15);
    }

    static void run(Map<String, Reading> readings, int rounds) throws IOException {
        Path shard = Files.createTempFile("sluice-tar-bench", ".tar");
        try {
            SplittableRandom random = new SplittableRandom(7);
            byte[] image = new byte[IMAGE_BYTES];
            try (TarWriter writer = new TarWriter(Files.newOutputStream(shard), 1_700_000_000L)) {
                for (int i = 0; i < SAMPLES; i++) {
                    random.nextBytes(image);
                    writer.add(String.format("%06d.jpg", i), image);
                    writer.add(String.format("%06d.cls", i), new byte[] {'7'});
                }
            }
            double megabytes = Files.size(shard) / 1e6;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, double[]> millis = new LinkedHashMap<>();
            readings.keySet().forEach(name -> millis.put(name, new double[rounds]));
            for (int round = -3; round < rounds; round++) {
                for (Map.Entry<String, Reading> reading : readings.entrySet()) {
                    long start = threads.getCurrentThreadCpuTime();
                    reading.getValue().run(shard);
                    double spent = (threads.getCurrentThreadCpuTime() - start) / 1e6;
                    if (round >= 0) {
                        millis.get(reading.getKey())[round] = spent;
                    }
                }
            }
            for (Map.Entry<String, double[]> result : millis.entrySet()) {
                double[] sorted = result.getValue().clone();
                Arrays.sort(sorted);
                double median = sorted[rounds / 2];
                System.out.printf(Locale.ROOT, "%-10s median %8.2f ms (range %.2f..%.2f) %8.0f MB/s%n", result.getKey(),
                        median, sorted[0], sorted[rounds - 1], megabytes / median * 1e3);
            }
        } finally {
            Files.delete(shard);
        }
    }
}
