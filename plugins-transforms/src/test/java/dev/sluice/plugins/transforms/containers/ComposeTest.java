package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import dev.sluice.plugins.transforms.Samples;
import dev.sluice.plugins.transforms.geometry.RandomRotationProvider;
import dev.sluice.plugins.transforms.geometry.RandomVerticalFlipProvider;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code compose}: the contract on a random training pipeline, nested lookup, fusion and the refusals. */
class ComposeTest extends TransformContract<Object, Object> {
    @Override
    protected TransformLookup lookup() {
        return DiscoveredTransforms.onClassPath();
    }

    static final List<Object> TRAIN = List.of(
            Map.of("random_resized_crop", Map.of("size", 24)),
            "random_horizontal_flip",
            "to_tensor",
            Map.of("normalize", Map.of("mean", List.of(0.485, 0.456, 0.406), "std", List.of(0.229, 0.224, 0.225))));

    @Override
    protected String providerId() {
        return "compose";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[0].compose", Map.of("transforms", TRAIN));
    }

    @Override
    protected List<Object> sampleInputs() {
        return List.of(Fixtures.input("grass"), Fixtures.input("dune"), Fixtures.input("ladybird"));
    }

    @Override
    protected boolean isDeterministic() {
        return false;
    }

    private static Compose compose(List<?> steps) {
        return new Compose(DiscoveredTransforms.onClassPath().steps(Options.of("transforms[0].compose", Map.of("transforms", steps)), "transforms"));
    }

    @Test
    void stepsRunInOrderFromTheOneRandomSource() {
        Compose compose = compose(List.of(Map.of("random_rotation", Map.of("degrees", 20)),
                Map.of("random_vertical_flip", Map.of("p", 0.5))));
        Image dune = Fixtures.input("dune");
        for (long seed = 0; seed < 10; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Transform<Image, Image> rotate = Samples.create(new RandomRotationProvider(), Map.of("degrees", 20));
            Transform<Image, Image> flip = Samples.create(new RandomVerticalFlipProvider(), Map.of("p", 0.5));
            Image expected = flip.apply(rotate.apply(dune, random), random);
            assertEquals(expected, compose.apply(dune, new SplittableRandom(seed)));
        }
    }

    @Test
    void theTrainingAndEvaluationPipelinesAreFusedIntoOneStep() {
        assertEquals(1, compose(TRAIN).steps().size());
        assertInstanceOf(FusedPipeline.class, compose(TRAIN).steps().get(0).transform());
        Compose eval = compose(List.of(Map.of("resize", Map.of("size", 32)), Map.of("center_crop", Map.of("size", 24)),
                "to_tensor", Map.of("normalize", Map.of("mean", 0.5, "std", 0.5))));
        assertEquals(1, eval.steps().size());
        assertEquals("resize+center_crop+to_tensor+normalize", eval.steps().get(0).id());
        assertEquals("transforms[0].compose.transforms[0].resize", eval.steps().get(0).keyPath());
        // A rotation between breaks the run: only the tail is fused.
        Compose broken = compose(List.of(Map.of("resize", Map.of("size", 32)), Map.of("random_rotation", Map.of("degrees", 3)),
                "to_tensor", Map.of("normalize", Map.of("mean", 0.5, "std", 0.5))));
        assertEquals(3, broken.steps().size());
    }

    @Test
    void aNestedStepsBadOptionIsReportedAtItsFullKeyPath() {
        OptionsException refused = assertThrows(OptionsException.class,
                () -> compose(List.of(Map.of("random_apply", Map.of("transforms", List.of(Map.of("resize", Map.of("size", -1))))))));
        assertEquals("transforms[0].compose.transforms[0].random_apply.transforms[0].resize.size", refused.keyPath());
    }

    @Test
    void stepsThatDoNotFitAreRefusedWhenConfigured() {
        OptionsException refused = assertThrows(OptionsException.class, () -> compose(List.of(
                Map.of("resize", Map.of("size", 8)), Map.of("normalize", Map.of("mean", 0, "std", 1)))));
        assertEquals("transforms[0].compose.transforms[1].normalize: normalize takes a Tensor, but resize before it gives an Image; "
                + "put to_tensor before it", refused.getMessage());
    }

    @Test
    void aWrongInputReachingAStepIsReportedWithTheStep() {
        Compose compose = compose(List.of("to_tensor"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> compose.apply(Tensor.ofFloats(new int[] {1}, 1f), new SplittableRandom(0)));
        assertTrue(refused.getMessage().startsWith("transforms[0].compose.transforms[0].to_tensor (to_tensor) takes an Image, but got Tensor"),
                refused.getMessage());
    }
}
