package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.DiscoveredTransforms;
import dev.sluice.plugins.transforms.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resamplers read an image where its samples lie, as a loader's decoders leave them: in a heap array
 * or a direct buffer lent by the worker, larger than the image, the image not at its start, with an
 * earlier image's bytes before and after it. Every resize fixture (OpenCV's kernels and torchvision's
 * antialiased ones) and the fused evaluation pipeline still agree with their references, and the fused
 * pipelines (eval, seed, cubic, grey, RGBA, a plain crop, a photograph tall enough for several strips)
 * give the same bits as from an array of their own.
 */
class LentPixelsTest {
    /** Where a decoder leaves the samples. */
    enum Lent { HEAP, DIRECT }

    /**
     * {@code image}'s samples at byte 13 of a lent buffer twice its size, filled with other bytes
     * before and after them.
     */
    static Image lent(Image image, Lent kind) {
        int size = image.byteSize();
        byte[] garbage = new byte[2 * size + 13];
        new SplittableRandom(size).nextBytes(garbage);
        ByteBuffer buffer = kind == Lent.HEAP ? ByteBuffer.wrap(garbage) : ByteBuffer.allocateDirect(garbage.length);
        if (kind == Lent.DIRECT) {
            buffer.put(0, garbage);
        }
        buffer.put(13, image.sampleBytes(), 0, size);
        ByteBuffer samples = buffer.position(13).limit(13 + size).slice();
        return Image.wrap(image.dtype(), image.width(), image.height(), image.channels(), samples);
    }

    private static Transform<Object, Object> compose(List<?> steps) {
        return new ComposeProvider().create(Options.of("t.compose", Map.of("transforms", steps)),
                DiscoveredTransforms.onClassPath());
    }

    static Stream<Arguments> resizeCases() {
        return Fixtures.cases("resize", "scale").stream()
                .flatMap(c -> Stream.of(Arguments.of(c, Lent.HEAP), Arguments.of(c, Lent.DIRECT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("resizeCases")
    void everyResizeFixtureAgreesFromLentMemory(Fixtures.Case c, Lent kind) {
        Transform<Object, Object> transform = compose(List.of(Map.of(c.transform(), c.options())));
        Image input = Fixtures.input(c.input());
        Image fromLent = (Image) transform.apply(lent(input, kind), new SplittableRandom(0));
        Fixtures.assertAgrees(c, fromLent);
        assertEquals(transform.apply(input, new SplittableRandom(0)), fromLent);
    }

    static Stream<Arguments> evalCases() {
        return Fixtures.cases("eval-pipeline").stream()
                .flatMap(c -> Stream.of(Arguments.of(c, Lent.HEAP), Arguments.of(c, Lent.DIRECT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("evalCases")
    void theFusedEvaluationPipelineAgreesWithTorchvisionFromLentMemory(Fixtures.Case c, Lent kind) {
        Options o = c.optionsAt("case");
        List<Object> steps = new ArrayList<>(List.of(Map.of("resize", Map.of("size", o.getInt("size", 0))),
                Map.of("center_crop", Map.of("size", o.getInt("crop", 0))), "to_tensor",
                Map.of("normalize", Map.of("mean", o.raw("mean"), "std", o.raw("std")))));
        Tensor fromLent = (Tensor) compose(steps).apply(lent(Fixtures.input(c.input()), kind), new SplittableRandom(0));
        Fixtures.assertAgrees(c, fromLent);
    }

    @ParameterizedTest
    @EnumSource(Lent.class)
    void fusedPipelinesGiveTheSameBitsFromLentMemory(Lent kind) {
        Image photo = Fixtures.input("ladybird");
        Image grey = Fixtures.input("flower-grey");
        Image tall = (Image) compose(List.of(Map.of("resize", Map.of("size", List.of(900, 70))))).apply(
                Fixtures.input("dune"), new SplittableRandom(0));
        Image rgba = withAlpha(Fixtures.input("flower"));
        List<List<Object>> pipelines = List.of(
                steps(Map.of("resize", Map.of("size", 96)), Map.of("center_crop", Map.of("size", 80))),
                steps(Map.of("resize", Map.of("height", 64, "width", 64, "antialias", false))),
                steps(Map.of("resize", Map.of("height", 50, "width", 70, "interpolation", "bicubic", "antialias", false))),
                steps(Map.of("resize", Map.of("size", 33, "interpolation", "area"))),
                steps(Map.of("resize", Map.of("size", 40, "interpolation", "nearest"))),
                steps(Map.of("center_crop", Map.of("size", 30))),
                steps(Map.of("random_resized_crop", Map.of("size", 24)), "random_horizontal_flip"));
        for (List<Object> pipeline : pipelines) {
            Transform<Object, Object> fused = compose(pipeline);
            for (Image image : List.of(photo, grey, tall, rgba)) {
                assertEquals(fused.apply(image, new SplittableRandom(3)), fused.apply(lent(image, kind), new SplittableRandom(3)),
                        pipeline + " on " + image);
            }
        }
    }

    private static List<Object> steps(Object... resize) {
        List<Object> steps = new ArrayList<>(List.of(resize));
        steps.add("to_tensor");
        return steps;
    }

    /** The RGB photograph with a fourth channel that varies from pixel to pixel. */
    private static Image withAlpha(Image rgb) {
        byte[] samples = rgb.toArray();
        byte[] rgba = new byte[samples.length / 3 * 4];
        for (int p = 0; p < samples.length / 3; p++) {
            System.arraycopy(samples, 3 * p, rgba, 4 * p, 3);
            rgba[4 * p + 3] = (byte) (samples[3 * p] ^ samples[3 * p + 2]);
        }
        return Image.wrap(rgb.width(), rgb.height(), 4, rgba);
    }
}
