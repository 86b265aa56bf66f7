package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The per-thread buffers of the fused pipeline and the float resampler: a result does not depend on
 * what the thread resized before, larger or smaller, nor on whether its buffers are fresh.
 */
class ReusedBuffersTest {
    private static final List<Object> EVAL = List.of(Map.of("resize", Map.of("size", 40)),
            Map.of("center_crop", Map.of("size", 32)), "to_tensor",
            Map.of("normalize", Map.of("mean", List.of(0.485, 0.456, 0.406), "std", List.of(0.229, 0.224, 0.225))));

    private static Transform<Object, Object> compose(List<?> steps) {
        return new ComposeProvider().create(Options.of("t.compose", Map.of("transforms", steps)), DiscoveredTransforms.onClassPath());
    }

    private static Tensor onFreshThread(Transform<Object, Object> pipeline, Image image) throws InterruptedException {
        AtomicReference<Tensor> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set((Tensor) pipeline.apply(image, new SplittableRandom(0))));
        thread.start();
        thread.join();
        return result.get();
    }

    @Test
    void aResultDoesNotDependOnTheImagesResizedBeforeOnTheSameThread() throws InterruptedException {
        Transform<Object, Object> pipeline = compose(EVAL);
        Image large = Fixtures.input("ladybird");
        Image small = (Image) compose(List.of(Map.of("resize", Map.of("size", List.of(47, 61))))).apply(
                Fixtures.input("grass"), new SplittableRandom(0));
        Tensor largeFresh = onFreshThread(pipeline, large);
        Tensor smallFresh = onFreshThread(pipeline, small);

        Tensor largeFirst = (Tensor) pipeline.apply(large, new SplittableRandom(0));
        Tensor smallAfterLarge = (Tensor) pipeline.apply(small, new SplittableRandom(0));
        Tensor largeAfterSmall = (Tensor) pipeline.apply(large, new SplittableRandom(0));

        assertEquals(largeFresh, largeFirst);
        assertEquals(smallFresh, smallAfterLarge, "the small image after the large one's leftovers");
        assertEquals(largeFresh, largeAfterSmall, "the large image after the small one");
    }
}
