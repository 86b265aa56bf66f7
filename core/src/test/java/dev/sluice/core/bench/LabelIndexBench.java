package dev.sluice.core.bench;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.Options;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.TxtLabelFormatProvider;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: writes an ImageNet-shaped txt label file ({@code n01440764/n01440764_10026.JPEG 3}),
 * then prints how fast the txt format parses it, how fast a {@link LabelIndex} is built from it, and
 * the index's heap bytes per entry. Timing never fails anything.
 *
 * <pre>
 * mvn -o -q -pl api,core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx2g -cp core/target/classes:core/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.sluice.core.bench.LabelIndexBench [lines]
 * </pre>
 */
public final class LabelIndexBench {
    private static final int CLASSES = 1000;
    private static final int ROUNDS = 3;

    private LabelIndexBench() {
    }

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Path dir = Files.createTempDirectory("sluice-label-bench");
        Path file = dir.resolve("train.txt");
        try {
            write(file, lines);
            System.out.printf("%,d lines, %,d bytes (%s)%n", lines, Files.size(file), file);
            LabelFormat txt = new TxtLabelFormatProvider().create(Options.empty());
            for (int round = 1; round <= ROUNDS; round++) {
                long entries = parseOnly(txt, file);
                System.out.printf("round %d: parse only:    %s%n", round, rate(entries, parseNanos));
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            LabelIndex index = null;
            for (int round = 1; round <= ROUNDS; round++) {
                index = null;
                long before = usedAfterGc(memory);
                long start = System.nanoTime();
                index = LabelIndex.read(txt, file, dir);
                long nanos = System.nanoTime() - start;
                long after = usedAfterGc(memory);
                System.out.printf("round %d: LabelIndex.read: %s, %.1f heap bytes per entry (%,d bytes)%n", round,
                        rate(index.size(), nanos), (after - before) / (double) index.size(), after - before);
            }
            System.out.println(index + ", last entry: " + index.path(index.size() - 1) + " " + index.label(index.size() - 1, 0));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static long parseNanos;

    private static long parseOnly(LabelFormat format, Path file) throws IOException {
        long[] count = new long[1];
        LabelSink counting = new LabelSink() {
            @Override
            public void entry(String path, long[] labels, long line) {
                count[0] += path.length() > 0 ? 1 : 0;
            }

            @Override
            public void problem(long line, String text, String reason) {
                throw new IllegalStateException(line + ": " + reason + ": " + text);
            }
        };
        long start = System.nanoTime();
        format.read(file, counting);
        parseNanos = System.nanoTime() - start;
        return count[0];
    }

    private static String rate(long lines, long nanos) {
        return String.format("%,d lines in %.2f s = %,.0f lines/s", lines, nanos / 1e9, lines / (nanos / 1e9));
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void write(Path file, int lines) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < lines; i++) {
                int label = i % CLASSES;
                String synset = String.format("n%08d", 1440764 + label * 97);
                line.setLength(0);
                line.append(synset).append('/').append(synset).append('_').append(10000 + i / CLASSES)
                        .append(".JPEG ").append(label).append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
