package dev.sluice.plugins.transforms.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.api.contract.DiscoveredTransforms;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.target.UnsupportedTargetsException;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code auto_augment}: the contract, torchvision 0.14's draws (a uniform sub-policy, each op with its
 * probability, signed ops negated half the time, the policy's bins), the output equal to the drawn ops,
 * the refusals of bad options, images and targets.
 */
class AutoAugmentTest extends ConfiguredTransformContract<Image, Image> {

    AutoAugmentTest() {
        super("auto_augment", Options.of("transforms[0].auto_augment", Map.of("policy", "imagenet")),
                Samples::photos, RANDOM);
    }

    private static AutoAugment create(Map<String, ?> options) {
        return (AutoAugment) Samples.<Image, Image>create(new AutoAugmentProvider(), options);
    }

    @Test
    void everySubPolicyIsEquallyLikely() {
        for (String policy : List.of("imagenet", "cifar10", "svhn")) {
            AutoAugment transform = create(Map.of("policy", policy));
            long[] counts = new long[25];
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < 25_000; i++) {
                counts[transform.draw(random, 64, 48).subPolicy()]++;
            }
            double[] uniform = new double[25];
            Arrays.fill(uniform, 1.0 / 25);
            Distributions.assertFrequencies(counts, uniform, policy + " sub-policies");
        }
    }

    @Test
    void eachOpIsAppliedWithItsProbabilityAtItsBinAndSignedOpsAreNegatedHalfTheTime() {
        // ImageNet's sub-policy 0: Posterize p 0.4 at bin 8 (4 bits), Rotate p 0.6 at bin 9 (30 degrees).
        AutoAugment transform = AutoAugment.of(AutoAugmentPolicy.IMAGENET);
        long[] applied = new long[4];
        long[] rotateSigns = new long[2];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            AutoAugment.Draw draw = transform.draw(random, 64, 48);
            if (draw.subPolicy() != 0) {
                continue;
            }
            boolean posterize = false;
            boolean rotate = false;
            for (Step step : draw.steps()) {
                if (step.op() == AugmentOp.POSTERIZE) {
                    assertEquals(4.0, step.magnitude());
                    posterize = true;
                } else {
                    assertEquals(AugmentOp.ROTATE, step.op());
                    assertEquals(30.0, Math.abs(step.magnitude()));
                    rotateSigns[step.magnitude() < 0 ? 0 : 1]++;
                    rotate = true;
                }
            }
            applied[(posterize ? 1 : 0) + (rotate ? 2 : 0)]++;
        }
        Distributions.assertFrequencies(applied, new double[] {0.6 * 0.4, 0.4 * 0.4, 0.6 * 0.6, 0.4 * 0.6},
                "posterize (0.4) and rotate (0.6) applied independently");
        Distributions.assertFrequencies(rotateSigns, new double[] {0.5, 0.5}, "rotate's sign");
    }

    @Test
    void outputIsTheDrawnOpsInOrder() {
        AutoAugment transform = create(Map.of("policy", "svhn", "interpolation", "bilinear", "fill", List.of(1, 2, 3)));
        Image dune = Fixtures.input("dune");
        for (long seed = 0; seed < 20; seed++) {
            List<Step> steps = transform.draw(new SplittableRandom(seed), dune.width(), dune.height()).steps();
            Image expected = Step.run(dune, steps, new Sampling(dev.sluice.plugins.transforms.resize.Interpolation.BILINEAR,
                    new int[] {1, 2, 3}));
            assertEquals(expected, transform.apply(dune, new SplittableRandom(seed)), "seed " + seed);
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        OptionsException policy = assertThrows(OptionsException.class, () -> create(Map.of("policy", "imagenet2")));
        assertEquals("transforms[0].auto_augment.policy", policy.keyPath());
        assertTrue(policy.getMessage().contains("imagenet, cifar10, svhn"), policy.getMessage());
        assertEquals("transforms[0].auto_augment.interpolation", assertThrows(OptionsException.class,
                () -> create(Map.of("interpolation", "bicubic"))).keyPath());
        assertEquals("transforms[0].auto_augment.fill", assertThrows(OptionsException.class,
                () -> create(Map.of("fill", List.of(300)))).keyPath());
        assertEquals("transforms[0].auto_augment.magnitude", assertThrows(OptionsException.class,
                () -> create(Map.of("magnitude", 3))).keyPath());
    }

    @Test
    void imagesWithAlphaAndFillsOfTheWrongLengthAreRefused() {
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class,
                () -> AutoAugment.of().apply(TestImages.photo(9, 7, 4), new SplittableRandom(0)));
        assertEquals("auto_augment takes images of 1 or 3 channels, this one has 4 (Image[9x7x4])", alpha.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AutoAugment.of().fill(1, 2).apply(Fixtures.input("grass"), new SplittableRandom(0)));
    }

    @Test
    void channelCountsItCannotTakeAreRefusedWhenThePipelineIsBuilt() {
        List<ConfiguredTransform> steps = DiscoveredTransforms.onClassPath().steps(Options.of("", Map.of("transforms",
                List.of("random_horizontal_flip", Map.of("auto_augment", Map.of("fill", List.of(1, 2, 3)))))), "transforms");
        assertEquals(OptionalInt.of(3), ConfiguredTransform.requireChannels(steps, OptionalInt.of(3), "the decoder"));
        OptionsException grey = assertThrows(OptionsException.class,
                () -> ConfiguredTransform.requireChannels(steps, OptionalInt.of(1), "the decoder"));
        assertEquals("transforms[1].auto_augment", grey.keyPath());
        assertTrue(grey.getMessage().contains("the fill [1, 2, 3] has 3 levels, the image has 1 channels"), grey.getMessage());
        assertEquals("transforms[1].auto_augment", assertThrows(OptionsException.class,
                () -> ConfiguredTransform.requireChannels(steps, OptionalInt.of(4), "the decoder")).keyPath());
    }

    @Test
    void aPipelineForSamplesWithTargetsIsRefusedAtItsKeyWhenBuilt() {
        List<ConfiguredTransform> steps = DiscoveredTransforms.onClassPath().steps(Options.of("", Map.of("transforms",
                List.of(Map.of("random_grayscale", Map.of("p", 0.2)), "trivial_augment_wide"))), "transforms");
        assertEquals("transforms[1].trivial_augment_wide", assertThrows(OptionsException.class,
                () -> ConfiguredTransform.requireTargets(steps, "the coco label format")).keyPath());
        ConfiguredTransform.requireTargets(steps.subList(0, 1), "the coco label format");
    }

    @Test
    void aSampleWithTargetsIsRefusedAndOneWithoutPasses() {
        Image grass = Fixtures.input("grass");
        CanvasSize canvas = new CanvasSize(grass.height(), grass.width());
        Targets boxes = new Targets(Optional.of(BoundingBoxes.of(BoxFormat.XYXY, canvas, new float[] {1, 2, 10, 12},
                new long[] {3})), Optional.empty(), Optional.empty());
        UnsupportedTargetsException refused = assertThrows(UnsupportedTargetsException.class,
                () -> AutoAugment.of().applyWithTargets(Targeted.of(grass, boxes), new SplittableRandom(0)));
        assertTrue(refused.getMessage().startsWith("auto_augment cannot move boxes, masks or key points"), refused.getMessage());
        assertEquals(AutoAugment.of().apply(grass, new SplittableRandom(4)),
                AutoAugment.of().applyWithTargets(Targeted.of(grass), new SplittableRandom(4)).value());
    }
}
