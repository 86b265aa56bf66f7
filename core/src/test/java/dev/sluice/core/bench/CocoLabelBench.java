package dev.sluice.core.bench;

import dev.sluice.api.Options;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.coco.CocoLabelFormatProvider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: writes a COCO-train2017-shaped instances file (118,287 images, 7.3 annotations each
 * with a 24-point polygon, 80 categories at the end: about 450 MB), then reads it into a
 * {@link LabelIndex} with and without masks, printing the time and the index's heap bytes. Run it
 * with a heap smaller than the file to see that the file is streamed, never held whole. Timing
 * never fails anything.
 *
 * <pre>
 * mvn -o -q -pl api,core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx400m -cp core/target/classes:core/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.sluice.core.bench.CocoLabelBench [images]
 * </pre>
 */
public final class CocoLabelBench {

    private CocoLabelBench() {
    }

    public static void main(String[] args) throws IOException {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 118_287;
        Path dir = Files.createTempDirectory("sluice-coco-bench");
        Path file = dir.resolve("instances.json");
        try {
            int annotations = write(file, images);
            System.out.printf("%,d images, %,d annotations, %,d bytes (%s)%n", images, annotations, Files.size(file), file);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (boolean masks : new boolean[] {false, true}) {
                LabelIndex index = null;
                long before = usedAfterGc(memory);
                long start = System.nanoTime();
                index = LabelIndex.read(new CocoLabelFormatProvider().create(Options.of(Map.of("masks", masks))), file,
                        dir);
                long nanos = System.nanoTime() - start;
                long after = usedAfterGc(memory);
                System.out.printf("masks %-5s: %.1f s, index %,d heap bytes (%.0f per annotation), %s%n", masks,
                        nanos / 1e9, after - before, (after - before) / (double) annotations, index);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static int write(Path file, int images) throws IOException {
        Random random = new Random(18);
        int annotations = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"info\": {\"description\": \"bench\"}, \"images\": [");
            for (int i = 0; i < images; i++) {
                out.write((i == 0 ? "" : ",") + "{\"license\": 3, \"file_name\": \"" + String.format("%012d", i)
                        + ".jpg\", \"coco_url\": \"http://images.cocodataset.org/train2017/x.jpg\", \"height\": 480, "
                        + "\"width\": 640, \"date_captured\": \"2013-11-14 11:18:45\", \"id\": " + i + "}\n");
            }
            out.write("], \"annotations\": [");
            for (int i = 0; i < images; i++) {
                for (int a = random.nextInt(15); a > 0; a--) {
                    StringBuilder polygon = new StringBuilder("[[");
                    for (int k = 0; k < 48; k++) {
                        polygon.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f",
                                random.nextDouble() * (k % 2 == 0 ? 640 : 480)));
                    }
                    out.write((annotations == 0 ? "" : ",") + "{\"segmentation\": " + polygon + "]], \"area\": 702.1, "
                            + "\"iscrowd\": 0, \"image_id\": " + i + ", \"bbox\": [473.07, 395.93, 38.65, 28.67], "
                            + "\"category_id\": " + (1 + random.nextInt(80)) + ", \"id\": " + annotations + "}\n");
                    annotations++;
                }
            }
            out.write("], \"categories\": [");
            for (int c = 1; c <= 80; c++) {
                out.write((c == 1 ? "" : ",") + "{\"supercategory\": \"s\", \"id\": " + c + ", \"name\": \"c" + c + "\"}");
            }
            out.write("]}");
        }
        return annotations;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
