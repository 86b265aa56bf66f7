package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the per-image kernels after decoding, on one thread, on decoded 500x375 RGB photographs (the
 * fixtures' photographs enlarged with bicubic, as a decoder hands them over), through {@code compose}
 * as a loader runs them:
 * <ul>
 *   <li>{@code eval}: resize 256 on the shorter side (antialiased bilinear), center_crop 224,
 *       to_tensor, normalize with ImageNet's statistics;</li>
 *   <li>{@code seed}: resize to 256 x 256 (cv2.resize INTER_LINEAR, no antialias), to_tensor.</li>
 * </ul>
 * Each operation is one image (the four photographs in turn); the score is microseconds per image.
 * {@code memory} says where the decoded samples lie: {@code array}, an array of their own; {@code lentHeap}
 * and {@code lentDirect}, as a loader's worker lends them to its decoder (a reused heap array or direct
 * buffer, larger than the image), which the kernels read in place.
 * {@code eval} and {@code seed} return a new tensor per image, as {@code apply} does; {@code evalIntoSlot}
 * and {@code seedIntoSlot} write into one reused buffer, as a loader writes each sample into its batch.
 *
 * <pre>
 * mvn -B -q -o -pl plugins-transforms -am test-compile
 * mvn -B -q -o -pl plugins-transforms dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp plugins-transforms/target/test-classes:plugins-transforms/target/classes:api/target/classes:$(cat /tmp/cp.txt) \
 *     org.openjdk.jmh.Main KernelBenchmark
 * </pre>
 *
 * To compare two versions of the kernels in one run, run the same command twice, alternately, with
 * the other version's {@code plugins-transforms/target/classes} on the class path.
 *
 * <p>On a machine that other processes load, wall-clock scores swing by several times; {@link #main}
 * measures one benchmark method by this thread's CPU time instead (same class path, then
 * {@code dev.sluice.plugins.transforms.containers.KernelBenchmark eval [rounds]}): 6,000 images to warm
 * up, then rounds of 400, printing the median and range of the rounds in microseconds per image. Run each
 * method in a JVM of its own, as JMH forks: after another pipeline ran, the compiled code is not the same.
 * Give that JVM the {@code sluice} launcher's heap options ({@code -Xms96m -Xmn96m
 * -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch}): with the JVM's defaults the rounds keep allocating
 * on heap pages touched for the first time, and those page faults, charged to this thread, made
 * {@code seedIntoSlot} 1.16 to 1.20 times slower over 11 rounds (over 75 they agree; BENCHMARKS.md,
 * "Issue 14, seed kernel, fifth round").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmark {
    private static final Map<String, Object> NORMALIZE = Map.of("normalize",
            Map.of("mean", List.of(0.485, 0.456, 0.406), "std", List.of(0.229, 0.224, 0.225)));

    /** Where the decoded samples lie: {@code array}, {@code lentHeap} or {@code lentDirect}. */
    @Param({"array", "lentHeap", "lentDirect"})
    public String memory = "array";

    private final SplittableRandom random = new SplittableRandom(42);
    private List<Image> images;
    private Transform<Object, Object> eval;
    private Transform<Object, Object> seed;
    private final ByteBuffer slot = ByteBuffer.allocate(3 * 256 * 256 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private int next;

    /** The photographs and the two pipelines. */
    @Setup(Level.Trial)
    public void setUp() {
        Transform<Object, Object> enlarge = compose(List.of(Map.of("resize", Map.of("size", List.of(375, 500),
                "interpolation", "bicubic"))));
        images = new ArrayList<>();
        for (String name : List.of("ladybird", "dune", "flower", "grass")) {
            images.add(placed((Image) enlarge.apply(Fixtures.input(name), new SplittableRandom(0))));
        }
        eval = compose(List.of(Map.of("resize", Map.of("size", 256)), Map.of("center_crop", Map.of("size", 224)),
                "to_tensor", NORMALIZE));
        seed = compose(List.of(Map.of("resize", Map.of("height", 256, "width", 256, "antialias", false)), "to_tensor"));
    }

    /** {@code image} where {@link #memory} says, the lent buffers 1 MiB long and the image at their start. */
    private Image placed(Image image) {
        if (memory.equals("array")) {
            return image;
        }
        ByteBuffer lent = memory.equals("lentHeap") ? ByteBuffer.allocate(1 << 20) : ByteBuffer.allocateDirect(1 << 20);
        lent.put(image.pixels()).flip();
        return Image.wrap(image.width(), image.height(), image.channels(), lent);
    }

    private static Transform<Object, Object> compose(List<Object> steps) {
        return new ComposeProvider().create(Options.of("benchmark.compose", Map.of("transforms", steps)), DiscoveredTransforms.onClassPath());
    }

    private Image nextImage() {
        next = (next + 1) & 3;
        return images.get(next);
    }

    /** The eval kernel on one image. */
    @Benchmark
    public Object eval() {
        return eval.apply(nextImage(), random);
    }

    /** The seed kernel on one image. */
    @Benchmark
    public Object seed() {
        return seed.apply(nextImage(), random);
    }

    /** The eval kernel on one image, into a reused buffer. */
    @Benchmark
    public Object evalIntoSlot() {
        return intoSlot(eval);
    }

    /** The seed kernel on one image, into a reused buffer. */
    @Benchmark
    public Object seedIntoSlot() {
        return intoSlot(seed);
    }

    /**
     * {@code args[0]}: the benchmark method's name; {@code args[1]}: the rounds, default 15; {@code args[2]}:
     * {@link #memory}, default {@code array}.
     */
    public static void main(String[] args) {
        KernelBenchmark benchmark = new KernelBenchmark();
        benchmark.memory = args.length > 2 ? args[2] : "array";
        benchmark.setUp();
        Runnable operation = switch (args[0]) {
            case "eval" -> benchmark::eval;
            case "seed" -> benchmark::seed;
            case "evalIntoSlot" -> benchmark::evalIntoSlot;
            case "seedIntoSlot" -> benchmark::seedIntoSlot;
            default -> throw new IllegalArgumentException("no benchmark " + args[0]);
        };
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 6000; i++) {
            operation.run();
        }
        double[] perImage = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 400; i++) {
                operation.run();
            }
            perImage[round] = (threads.getCurrentThreadCpuTime() - start) / 400 / 1e3;
        }
        Arrays.sort(perImage);
        System.out.printf(Locale.ROOT, "%s: %.1f us of CPU per image, median of %d rounds (%.1f-%.1f)%n", args[0],
                perImage[rounds / 2], rounds, perImage[0], perImage[rounds - 1]);
    }

    @SuppressWarnings("unchecked")
    private Object intoSlot(Transform<Object, Object> pipeline) {
        ((SlotTransform<Object>) (Object) pipeline).prepare(nextImage(), random).writeTo(slot, 0);
        return slot;
    }
}
