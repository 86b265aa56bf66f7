package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.contract.DiscoveredTransforms;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Channel counts through a configured list: each step of the pack says what it gives for what it
 * gets, containers pass the counts through their nested steps, and a count a step cannot take is
 * refused at the option's key path when the list is built.
 */
class ChannelCountsTest {
    private static final OptionalInt RGB = OptionalInt.of(3);
    private static final OptionalInt GREY = OptionalInt.of(1);
    private static final OptionalInt UNKNOWN = OptionalInt.empty();

    private static final Map<String, Object> TWO_MEANS = Map.of("normalize", Map.of("mean", List.of(0.5, 0.5), "std", 0.25));
    private static final Map<String, Object> THREE_MEANS = Map.of("normalize", Map.of("mean", List.of(0.5, 0.5, 0.5),
            "std", List.of(0.25, 0.25, 0.25)));
    private static final Map<String, Object> GREY_OUT = Map.of("grayscale", Map.of("num_output_channels", 1));
    private static final Map<String, Object> GREY_AS_RGB = Map.of("grayscale", Map.of("num_output_channels", 3));

    private static List<ConfiguredTransform> steps(Object... entries) {
        return DiscoveredTransforms.onClassPath().steps(Options.of("", Map.of("transforms", List.of(entries))), "transforms");
    }

    private static OptionalInt through(OptionalInt given, Object... entries) {
        return ConfiguredTransform.requireChannels(steps(entries), given, "the decoder");
    }

    private static OptionsException refused(OptionalInt given, Object... entries) {
        return assertThrows(OptionsException.class, () -> through(given, entries));
    }

    @Test
    void normalizeTakesOneValueOrOnePerChannel() {
        assertEquals(RGB, through(RGB, "to_tensor", THREE_MEANS));
        assertEquals(RGB, through(RGB, "to_tensor", Map.of("normalize", Map.of("mean", 0.5, "std", 0.25))));
        OptionsException e = refused(RGB, Map.of("resize", Map.of("size", 8)), "to_tensor", TWO_MEANS);
        assertEquals("transforms[2].normalize.mean", e.keyPath());
        assertEquals("has 2 values, but the tensor it normalizes has 3 channels; give 3 values, or 1 for every channel",
                e.reason());
        OptionsException stds = refused(GREY, "to_tensor", Map.of("normalize", Map.of("mean", 0.5, "std", List.of(1, 1, 1))));
        assertEquals("transforms[1].normalize.std", stds.keyPath());
        assertEquals("has 3 values, but the tensor it normalizes has 1 channel; give 1 value", stds.reason());
    }

    @Test
    void grayscaleSetsTheCountWhateverItGets() {
        assertEquals(GREY, through(RGB, GREY_OUT, "random_horizontal_flip"));
        assertEquals(RGB, through(GREY, GREY_AS_RGB, "to_tensor", THREE_MEANS));
        assertEquals("transforms[2].normalize.mean", refused(RGB, GREY_OUT, "to_tensor", THREE_MEANS).keyPath());
        assertEquals(GREY, through(UNKNOWN, GREY_OUT));
    }

    @Test
    void anUnknownCountPassesThroughAndIsLeftToTheSamples() {
        assertEquals(UNKNOWN, through(UNKNOWN, Map.of("resize", Map.of("size", 8)), "to_tensor", TWO_MEANS));
    }

    @Test
    void composeChecksItsStepsAtTheirNestedKeyPaths() {
        OptionsException e = refused(RGB, Map.of("compose", Map.of("transforms", List.of("to_tensor", TWO_MEANS))));
        assertEquals("transforms[0].compose.transforms[1].normalize.mean", e.keyPath());
        assertEquals(GREY, through(RGB, Map.of("compose", Map.of("transforms", List.of(GREY_OUT)))));
    }

    @Test
    void randomApplyChecksItsStepsAndKnowsTheCountOnlyWhenBothBranchesAgree() {
        OptionsException e = refused(RGB, "to_tensor", Map.of("random_apply", Map.of("transforms", List.of(TWO_MEANS))));
        assertEquals("transforms[1].random_apply.transforms[0].normalize.mean", e.keyPath());
        assertEquals(RGB, through(RGB, Map.of("random_apply", Map.of("transforms", List.of("random_vertical_flip")))));
        assertEquals(UNKNOWN, through(RGB, Map.of("random_apply", Map.of("transforms", List.of(GREY_OUT)))));
        // After a branch that may or may not make the image grey, the count is left to the samples.
        assertEquals(UNKNOWN, through(RGB, Map.of("random_apply", Map.of("transforms", List.of(GREY_OUT))), "to_tensor",
                THREE_MEANS));
    }

    @Test
    void randomChoiceChecksEveryChoice() {
        OptionsException e = refused(RGB, "to_tensor", Map.of("random_choice", Map.of("transforms", List.of(THREE_MEANS,
                TWO_MEANS))));
        assertEquals("transforms[1].random_choice.transforms[1].normalize.mean", e.keyPath());
        assertEquals(GREY, through(RGB, Map.of("random_choice", Map.of("transforms", List.of(GREY_OUT, GREY_OUT)))));
        assertEquals(UNKNOWN, through(RGB, Map.of("random_choice", Map.of("transforms", List.of(GREY_OUT,
                "random_vertical_flip")))));
    }

    @Test
    void randomOrderChecksEveryStepWithTheCountItGets() {
        OptionsException e = refused(RGB, "to_tensor", Map.of("random_order", Map.of("transforms", List.of(TWO_MEANS))));
        assertEquals("transforms[1].random_order.transforms[0].normalize.mean", e.keyPath());
        assertEquals(RGB, through(RGB, Map.of("random_order", Map.of("transforms", List.of("random_vertical_flip",
                "random_horizontal_flip")))));
        assertEquals(UNKNOWN, through(RGB, Map.of("random_order", Map.of("transforms", List.of(GREY_OUT,
                "random_vertical_flip")))));
    }

    @Test
    void theFusedPipelineChecksAsItsStepsDo() {
        List<ConfiguredTransform> fused = FusedPipeline.fuseRuns(steps(Map.of("resize", Map.of("size", 8)), "to_tensor",
                TWO_MEANS));
        assertEquals(1, fused.size(), fused::toString);
        assertTrue(fused.get(0).transform() instanceof FusedPipeline, fused::toString);
        assertEquals("transforms[2].normalize.mean", assertThrows(OptionsException.class,
                () -> fused.get(0).transform().outputChannels(RGB)).keyPath());
        assertEquals(OptionalInt.of(2), fused.get(0).transform().outputChannels(OptionalInt.of(2)));
    }

    @Test
    void whenTheCountIsUnknownTheFusedPipelineRefusesTheSampleWhenPreparingItNotWhenWritingTheBatch() {
        FusedPipeline fused = (FusedPipeline) FusedPipeline.fuseRuns(steps(Map.of("resize", Map.of("size", 8)),
                "to_tensor", TWO_MEANS)).get(0).transform();
        Image rgb = Image.wrap(4, 4, 3, new byte[4 * 4 * 3]);
        SlotTransform<Image> slots = fused;
        OptionsException e = assertThrows(OptionsException.class, () -> slots.prepare(rgb, new SplittableRandom(1)));
        assertEquals("transforms[2].normalize.mean", e.keyPath());
        Image twoChannels = Image.wrap(4, 4, 2, new byte[4 * 4 * 2]);
        assertEquals(List.of(2, 8, 8), List.of(slots.prepare(twoChannels, new SplittableRandom(1)).shape()[0],
                slots.prepare(twoChannels, new SplittableRandom(1)).shape()[1],
                slots.prepare(twoChannels, new SplittableRandom(1)).shape()[2]));
    }
}
