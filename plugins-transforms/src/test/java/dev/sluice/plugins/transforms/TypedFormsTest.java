package dev.sluice.plugins.transforms;

import static dev.sluice.plugins.transforms.Transforms.IMAGENET_MEAN;
import static dev.sluice.plugins.transforms.Transforms.IMAGENET_STD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Region;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.DiscoveredTransforms;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.boxes.SanitizeBoxes;
import dev.sluice.plugins.transforms.colour.ColorJitter;
import dev.sluice.plugins.transforms.colour.GaussianBlur;
import dev.sluice.plugins.transforms.colour.Grayscale;
import dev.sluice.plugins.transforms.colour.RandomGrayscale;
import dev.sluice.plugins.transforms.augment.AugMix;
import dev.sluice.plugins.transforms.augment.AutoAugment;
import dev.sluice.plugins.transforms.augment.AutoAugmentPolicy;
import dev.sluice.plugins.transforms.augment.RandAugment;
import dev.sluice.plugins.transforms.augment.TrivialAugmentWide;
import dev.sluice.plugins.transforms.containers.RandomApply;
import dev.sluice.plugins.transforms.containers.RandomChoice;
import dev.sluice.plugins.transforms.containers.RandomOrder;
import dev.sluice.plugins.transforms.drawing.ContactSheet;
import dev.sluice.plugins.transforms.drawing.DrawRectangle;
import dev.sluice.plugins.transforms.drawing.SideBySide;
import dev.sluice.plugins.transforms.geometry.CenterCrop;
import dev.sluice.plugins.transforms.geometry.Crop;
import dev.sluice.plugins.transforms.geometry.Pad;
import dev.sluice.plugins.transforms.geometry.Padding;
import dev.sluice.plugins.transforms.geometry.RandomAffine;
import dev.sluice.plugins.transforms.geometry.RandomCrop;
import dev.sluice.plugins.transforms.geometry.RandomHorizontalFlip;
import dev.sluice.plugins.transforms.geometry.RandomPerspective;
import dev.sluice.plugins.transforms.geometry.RandomResizedCrop;
import dev.sluice.plugins.transforms.geometry.RandomRotation;
import dev.sluice.plugins.transforms.geometry.RandomVerticalFlip;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.resize.Scale;
import dev.sluice.plugins.transforms.geometry.ScaleRect;
import dev.sluice.plugins.transforms.resize.Interpolation;
import dev.sluice.plugins.transforms.tensor.FiveCrop;
import dev.sluice.plugins.transforms.tensor.Normalize;
import dev.sluice.plugins.transforms.tensor.RandomErasing;
import dev.sluice.plugins.transforms.tensor.TenCrop;
import dev.sluice.plugins.transforms.tensor.ToDtype;
import dev.sluice.plugins.transforms.tensor.ToTensor;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each transform's Java form and its configuration form (the id's provider, given the options as the
 * YAML binder hands them over) give the same output, value for value, on real photographs and for
 * the same random draws: the two are one implementation. Every id on the class path has a case.
 */
class TypedFormsTest {

    /** One id, its options as configured, the same transform built in Java, and an input. */
    record Case(String name, String id, Map<String, ?> options, Transform<?, ?> typed, Supplier<Object> input) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Image grass() {
        return Fixtures.input("grass");
    }

    private static Tensor tensorOf(Image image) {
        return ToTensor.of().apply(image, new SplittableRandom(0));
    }

    /** Two photographs cut to one size, as a float batch N x C x H x W, with their labels. */
    private static List<Tensor> batch() {
        Tensor a = tensorOf(CenterCrop.of(new Size(24, 20)).apply(Fixtures.input("grass"), new SplittableRandom(0)));
        Tensor b = tensorOf(CenterCrop.of(new Size(24, 20)).apply(Fixtures.input("dune"), new SplittableRandom(0)));
        float[] values = new float[(int) (a.numel() + b.numel())];
        System.arraycopy(a.toFloatArray(), 0, values, 0, (int) a.numel());
        System.arraycopy(b.toFloatArray(), 0, values, (int) a.numel(), (int) b.numel());
        return List.of(Tensor.ofFloats(new int[] {2, 3, 20, 24}, values), Tensor.ofLongs(new int[] {2, 1}, 3, 14));
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("resize (torchvision's form)", "resize",
                        Map.of("size", 20, "max_size", 30, "interpolation", "bicubic", "antialias", false),
                        Resize.of(20).maxSize(30).interpolation(Interpolation.BICUBIC).antialias(false), TypedFormsTest::grass),
                new Case("resize (the seed's form)", "resize", Map.of("height", 17),
                        Resize.toHeight(17), TypedFormsTest::grass),
                new Case("resize to a size", "resize", Map.of("size", List.of(15, 40), "interpolation", "area"),
                        Resize.of(new Size(40, 15)).interpolation(Interpolation.AREA), TypedFormsTest::grass),
                new Case("scale", "scale", Map.of("fx", 0.5, "fy", 0.7, "interpolation", "nearest"),
                        Scale.of(0.5, 0.7).interpolation(Interpolation.NEAREST), TypedFormsTest::grass),
                new Case("scale_rect", "scale_rect", Map.of("orig_shape", List.of(375, 500), "dest_shape", List.of(256, 341)),
                        ScaleRect.of(new Size(500, 375), new Size(341, 256)), () -> new Region(10, 20, 30, 40)),
                new Case("center_crop", "center_crop", Map.of("size", List.of(20, 24)),
                        CenterCrop.of(new Size(24, 20)), TypedFormsTest::grass),
                new Case("center_crop (padded)", "center_crop", Map.of("size", 60),
                        CenterCrop.of(60), TypedFormsTest::grass),
                new Case("crop", "crop", Map.of("rect", List.of(3, 4, 20, 10)),
                        Crop.of(new Region(3, 4, 20, 10)), TypedFormsTest::grass),
                new Case("random_crop", "random_crop", Map.of("size", 40, "padding", List.of(2, 3), "pad_if_needed", true,
                        "fill", List.of(1, 2, 3), "padding_mode", "edge"),
                        RandomCrop.of(40).padding(Padding.of(2, 3)).padIfNeeded(true).fill(1, 2, 3).paddingMode(Pad.Mode.EDGE),
                        TypedFormsTest::grass),
                new Case("random_resized_crop", "random_resized_crop", Map.of("size", List.of(16, 24), "scale", List.of(0.3, 0.9),
                        "ratio", List.of(0.5, 2.0), "interpolation", "nearest"),
                        RandomResizedCrop.of(new Size(24, 16)).scale(0.3, 0.9).ratio(0.5, 2.0).interpolation(Interpolation.NEAREST),
                        TypedFormsTest::grass),
                new Case("random_horizontal_flip", "random_horizontal_flip", Map.of("p", 0.7),
                        RandomHorizontalFlip.of(0.7), TypedFormsTest::grass),
                new Case("random_vertical_flip", "random_vertical_flip", Map.of("p", 0.3),
                        RandomVerticalFlip.of(0.3), () -> Fixtures.input("flower-grey")),
                new Case("random_rotation", "random_rotation", Map.of("degrees", List.of(-20, 35), "interpolation", "bilinear",
                        "expand", true, "center", List.of(5, 7), "fill", List.of(9, 8, 7)),
                        RandomRotation.of(-20, 35).interpolation(Interpolation.BILINEAR).expand(true).center(5, 7).fill(9, 8, 7),
                        TypedFormsTest::grass),
                new Case("random_affine", "random_affine", Map.of("degrees", List.of(-20, 35), "translate", List.of(0.1, 0.2),
                        "scale", List.of(0.8, 1.1), "shear", List.of(-5, 5, 0, 10), "interpolation", "bilinear",
                        "fill", List.of(9, 8, 7), "center", List.of(5, 7)),
                        RandomAffine.of(-20, 35).translate(0.1, 0.2).scale(0.8, 1.1).shear(-5, 5, 0, 10)
                                .interpolation(Interpolation.BILINEAR).fill(9, 8, 7).center(5, 7), TypedFormsTest::grass),
                new Case("random_perspective", "random_perspective", Map.of("distortion_scale", 0.3, "p", 0.8,
                        "interpolation", "nearest", "fill", 4),
                        RandomPerspective.of(0.3).p(0.8).interpolation(Interpolation.NEAREST).fill(4), TypedFormsTest::grass),
                new Case("random_erasing", "random_erasing", Map.of("p", 0.9, "scale", List.of(0.1, 0.2), "ratio",
                        List.of(0.5, 2), "value", "random"),
                        RandomErasing.of().p(0.9).scale(0.1, 0.2).ratio(0.5, 2).randomValue(), () -> tensorOf(grass())),
                new Case("five_crop", "five_crop", Map.of("size", List.of(20, 24)), FiveCrop.of(new Size(24, 20)),
                        () -> tensorOf(grass())),
                new Case("ten_crop", "ten_crop", Map.of("size", 15, "vertical_flip", true), TenCrop.of(15).verticalFlip(true),
                        () -> tensorOf(grass())),
                new Case("pad", "pad", Map.of("padding", List.of(1, 2, 3, 4), "padding_mode", "reflect"),
                        Pad.of(new Padding(1, 2, 3, 4)).paddingMode(Pad.Mode.REFLECT), TypedFormsTest::grass),
                new Case("sanitize_boxes", "sanitize_boxes", Map.of("min_size", 2.5, "min_area", 4),
                        SanitizeBoxes.of().minSize(2.5).minArea(4), TypedFormsTest::grass),
                new Case("color_jitter", "color_jitter", Map.of("brightness", 0.4, "contrast", List.of(0.5, 1.5),
                        "saturation", 0.3, "hue", 0.1),
                        ColorJitter.of().brightness(0.4).contrast(0.5, 1.5).saturation(0.3).hue(0.1), TypedFormsTest::grass),
                new Case("gaussian_blur", "gaussian_blur", Map.of("kernel_size", List.of(5, 3), "sigma", List.of(0.5, 1.5)),
                        GaussianBlur.of(5, 3).sigma(0.5, 1.5), TypedFormsTest::grass),
                new Case("grayscale", "grayscale", Map.of("num_output_channels", 3), Grayscale.of(3), TypedFormsTest::grass),
                new Case("random_grayscale", "random_grayscale", Map.of("p", 0.5), RandomGrayscale.of(0.5), TypedFormsTest::grass),
                new Case("auto_augment", "auto_augment", Map.of("policy", "cifar10", "interpolation", "bilinear", "fill", 128),
                        AutoAugment.of(AutoAugmentPolicy.CIFAR10).interpolation(Interpolation.BILINEAR).fill(128),
                        TypedFormsTest::grass),
                new Case("rand_augment", "rand_augment", Map.of("num_ops", 3, "magnitude", 12, "num_magnitude_bins", 15,
                        "fill", List.of(1, 2, 3)), RandAugment.of(3, 12, 15).fill(1, 2, 3), TypedFormsTest::grass),
                new Case("trivial_augment_wide", "trivial_augment_wide", Map.of("num_magnitude_bins", 20,
                        "interpolation", "bilinear"), TrivialAugmentWide.of().numMagnitudeBins(20)
                        .interpolation(Interpolation.BILINEAR), TypedFormsTest::grass),
                new Case("aug_mix", "aug_mix", Map.of("severity", 5, "mixture_width", 2, "chain_depth", 2, "alpha", 0.5,
                        "all_ops", false, "interpolation", "nearest", "fill", 9), AugMix.of().severity(5).mixtureWidth(2)
                        .chainDepth(2).alpha(0.5).allOps(false).interpolation(Interpolation.NEAREST).fill(9),
                        TypedFormsTest::grass),
                new Case("normalize", "normalize", Map.of("mean", IMAGENET_MEAN, "std", IMAGENET_STD),
                        Normalize.of(IMAGENET_MEAN, IMAGENET_STD), () -> tensorOf(grass())),
                new Case("to_tensor", "to_tensor", Map.of(), ToTensor.of(), () -> Fixtures.input("flower-grey")),
                new Case("to_dtype", "to_dtype", Map.of("dtype", "float32", "scale", true),
                        ToDtype.of(DType.FLOAT32).scale(true), TypedFormsTest::grass),
                new Case("compose (fused)", "compose", Map.of("transforms", List.of(Map.of("resize", Map.of("size", 32)),
                        Map.of("center_crop", Map.of("size", 24)), "to_tensor",
                        Map.of("normalize", Map.of("mean", IMAGENET_MEAN, "std", IMAGENET_STD)))),
                        Transforms.compose(Transforms.resize(32), Transforms.centerCrop(24), Transforms.toTensor(),
                                Transforms.normalize(IMAGENET_MEAN, IMAGENET_STD)), TypedFormsTest::grass),
                new Case("compose (augmenting)", "compose", Map.of("transforms", List.of(
                        Map.of("random_resized_crop", Map.of("size", 24, "scale", List.of(0.2, 1.0))),
                        "random_horizontal_flip", Map.of("color_jitter", Map.of("brightness", 0.5)), "to_tensor")),
                        Transforms.compose(Transforms.randomResizedCrop(24).scale(0.2, 1.0), Transforms.randomHorizontalFlip(),
                                Transforms.colorJitter().brightness(0.5), Transforms.toTensor()), TypedFormsTest::grass),
                new Case("random_apply", "random_apply", Map.of("p", 0.6, "transforms", List.of(
                        Map.of("grayscale", Map.of("num_output_channels", 3)), Map.of("pad", Map.of("padding", 2)))),
                        RandomApply.of(Grayscale.of(3), Pad.of(2)).p(0.6), TypedFormsTest::grass),
                new Case("random_choice", "random_choice", Map.of("p", List.of(1, 3), "transforms", List.of(
                        Map.of("random_horizontal_flip", Map.of("p", 1)), Map.of("random_rotation", Map.of("degrees", 30)))),
                        RandomChoice.of(RandomHorizontalFlip.of(1), RandomRotation.of(30)).p(1, 3), TypedFormsTest::grass),
                new Case("random_order", "random_order", Map.of("transforms", List.of(
                        Map.of("random_rotation", Map.of("degrees", 10)), Map.of("color_jitter", Map.of("brightness", 0.5)))),
                        RandomOrder.of(RandomRotation.of(10), ColorJitter.of().brightness(0.5)), TypedFormsTest::grass),
                new Case("draw_rectangle", "draw_rectangle", Map.of("rect", List.of(2, 3, 10, 8), "color", List.of(0, 255, 0),
                        "thickness", 3), DrawRectangle.of(new Region(2, 3, 10, 8)).color(0, 255, 0).thickness(3),
                        TypedFormsTest::grass),
                new Case("contact_sheet", "contact_sheet", Map.of("nrow", 1, "padding", 3, "pad_value", 0.5, "font_scale", 2,
                        "mean", List.of(0.5), "std", List.of(0.25), "class_names", List.of("cat")),
                        ContactSheet.of().nrow(1).padding(3).padValue(0.5).fontScale(2)
                                .unnormalize(new double[] {0.5}, new double[] {0.25}).classNames(List.of("cat")),
                        TypedFormsTest::batch),
                new Case("side_by_side", "side_by_side", Map.of("gap", 4, "fill", List.of(10, 20, 30)),
                        SideBySide.of().gap(4).fill(10, 20, 30), () -> List.of(grass(), Fixtures.input("flower-grey"))));
    }

    @SuppressWarnings("unchecked")
    private static Object run(Transform<?, ?> transform, Object input, long seed) {
        return ((Transform<Object, Object>) transform).apply(input, new SplittableRandom(seed));
    }

    private static Transform<?, ?> configured(Case c) {
        TransformProvider provider = ServiceLoader.load(TransformProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(c.id())).findFirst().orElseThrow();
        return provider.create(Options.of("transforms[0]." + c.id(), c.options()), DiscoveredTransforms.onClassPath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theJavaFormGivesWhatTheConfiguredFormGives(Case c) {
        Transform<?, ?> configured = configured(c);
        assertEquals(configured.getClass(), c.typed().getClass(), "the provider builds the typed form");
        assertEquals(configured.inputType(), c.typed().inputType());
        assertEquals(configured.outputType(), c.typed().outputType());
        for (long seed = 0; seed < 12; seed++) {
            Object input = c.input().get();
            assertEquals(run(configured, input, seed), run(c.typed(), input, seed), c + ", seed " + seed);
        }
    }

    @Test
    void everyTransformIdHasACase() {
        TreeSet<String> ids = ServiceLoader.load(TransformProvider.class).stream().map(p -> p.get().id())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ids, cases().map(Case::id).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theCasesCanTellTwoFormsApart() {
        // The comparison above is by value: a different parameter gives a different output.
        Image grass = grass();
        assertNotEquals(run(Resize.of(20), grass, 0), run(Resize.of(21), grass, 0));
        assertNotEquals(run(Resize.of(20), grass, 0), run(Resize.of(20).antialias(false), grass, 0));
    }

    @Test
    void aComposedPipelineThatEndsInToTensorWritesIntoBatchSlots() {
        Transform<Object, Object> eval = Transforms.compose(Transforms.resize(32), Transforms.centerCrop(24),
                Transforms.toTensor(), Transforms.normalize(IMAGENET_MEAN, IMAGENET_STD));
        assertInstanceOf(SlotTransform.class, eval);
    }

    @Test
    void javaStepsThatDoNotFitAreRefusedWhenComposedNamingTheStep() {
        OptionsException refused = assertThrows(OptionsException.class,
                () -> Transforms.compose(Transforms.resize(8), Transforms.normalize(IMAGENET_MEAN, IMAGENET_STD)));
        assertEquals("compose.transforms[1]", refused.keyPath());
        assertTrue(refused.getMessage().contains("put to_tensor before it"), refused.getMessage());
    }

    @Test
    void theFactoriesRefuseWhatTheConfigurationRefusesNamingTheParameter() {
        assertEquals("scale must be [min, max] with 0 < min <= max, was [0.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> RandomResizedCrop.of(224).scale(0, 1)).getMessage());
        assertEquals("max_size = 200 must be strictly greater than the requested size for the smaller edge size = 256",
                assertThrows(IllegalArgumentException.class, () -> Resize.of(256).maxSize(200)).getMessage());
        assertEquals("width must be >= 1, was 0", assertThrows(IllegalArgumentException.class, () -> new Size(0, 5)).getMessage());
        assertEquals("transforms[0].random_resized_crop.scale", assertThrows(OptionsException.class,
                () -> configured(new Case("bad scale", "random_resized_crop", Map.of("size", 8, "scale", List.of(0, 1)),
                        RandomResizedCrop.of(8), TypedFormsTest::grass))).keyPath());
    }
}
