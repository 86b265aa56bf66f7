package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Throughput of the standard evaluation pipeline (resize 256 shorter side, antialiased bilinear;
 * center_crop 224; to_tensor; normalize with ImageNet's statistics) on decoded 500x375 RGB images, on
 * one thread, fused by compose and step by step, plus the training pipeline for comparison. Not a
 * test: a main that prints images/s; it never fails a build.
 *
 * <pre>
 * mvn -o -q -pl api,plugins-transforms test-compile
 * java -cp plugins-transforms/target/test-classes:plugins-transforms/target/classes:api/target/classes:api/target/test-classes \
 *     dev.sluice.plugins.transforms.EvalPipelineBenchmark [seconds per measurement, default 5]
 * </pre>
 */
public final class EvalPipelineBenchmark {
    private static final Map<String, Object> NORMALIZE = Map.of("normalize",
            Map.of("mean", List.of(0.485, 0.456, 0.406), "std", List.of(0.229, 0.224, 0.225)));

    private EvalPipelineBenchmark() {
    }

    /** Runs the measurements; {@code args[0]} is the seconds per measurement. */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        List<Image> images = images();
        List<Object> eval = List.of(Map.of("resize", Map.of("size", 256)), Map.of("center_crop", Map.of("size", 224)),
                "to_tensor", NORMALIZE);
        List<Object> train = List.of(Map.of("random_resized_crop", Map.of("size", 224)), "random_horizontal_flip",
                "to_tensor", NORMALIZE);
        // The seed recipe: cv2.resize to 256x256 (INTER_LINEAR, no antialias), then ToTensor.
        List<Object> seed = List.of(Map.of("resize", Map.of("height", 256, "width", 256, "antialias", false)), "to_tensor");
        System.out.println("Java " + System.getProperty("java.version") + ", " + images.size()
                + " decoded 500x375 RGB images, one thread, " + seconds + " s per measurement");
        for (int round = 0; round < 2; round++) {
            String when = round == 0 ? "warm-up " : "measured";
            report(when, "eval, fused", compose(eval), images, seconds);
            report(when, "eval, step by step", stepByStep(eval), images, seconds);
            report(when, "train, fused", compose(train), images, seconds);
            report(when, "train, step by step", stepByStep(train), images, seconds);
            report(when, "resize 256 alone", compose(List.of(Map.of("resize", Map.of("size", 256)))), images, seconds);
            report(when, "seed, fused", compose(seed), images, seconds);
        }
    }

    /** Real photographs from the fixtures, enlarged with bicubic to 500x375 as a decoder would hand them over. */
    private static List<Image> images() {
        Transform<Object, Object> enlarge = compose(List.of(Map.of("resize", Map.of("size", List.of(375, 500),
                "interpolation", "bicubic"))));
        List<Image> images = new ArrayList<>();
        for (String name : List.of("ladybird", "dune", "flower", "grass")) {
            images.add((Image) enlarge.apply(Fixtures.input(name), new SplittableRandom(0)));
        }
        return images;
    }

    private static Transform<Object, Object> compose(List<Object> steps) {
        return new ComposeProvider().create(Options.of("benchmark.compose", Map.of("transforms", steps)), DiscoveredTransforms.onClassPath());
    }

    /** The same steps, each in a compose of its own, so that nothing is fused. */
    private static Transform<Object, Object> stepByStep(List<Object> steps) {
        List<Transform<Object, Object>> separate = new ArrayList<>();
        for (Object step : steps) {
            separate.add(compose(List.of(step)));
        }
        return (input, random) -> {
            Object value = input;
            for (Transform<Object, Object> t : separate) {
                value = t.apply(value, random);
            }
            return value;
        };
    }

    private static void report(String when, String what, Transform<Object, Object> pipeline, List<Image> images, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        SplittableRandom random = new SplittableRandom(42);
        while (System.nanoTime() < deadline) {
            for (Image image : images) {
                sink += System.identityHashCode(pipeline.apply(image, random));
                count++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "%s %-22s %8.0f images/s  (%.3f ms per image)%s", when, what,
                count / elapsed, 1000 * elapsed / count, sink == 42 ? " " : ""));
    }
}
