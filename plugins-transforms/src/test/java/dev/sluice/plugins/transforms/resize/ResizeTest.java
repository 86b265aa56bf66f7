package dev.sluice.plugins.transforms.resize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code resize}: the contract, torchvision's and the seed's size rules, and its refusals. */
class ResizeTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "resize";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[0].resize", Map.of("size", 20));
    }

    @Override
    protected List<Image> sampleInputs() {
        return Samples.allChannelCounts();
    }

    @Override
    protected boolean isDeterministic() {
        return true;
    }

    private static int[] size(Map<String, ?> options, int width, int height) {
        Size out = ((Resize) Samples.<Image, Image>create(new ResizeProvider(), options)).outputSize(width, height);
        return new int[] {out.width(), out.height()};
    }

    @Test
    void shorterSideBecomesSizeAndLongerSideIsTruncatedAsTorchvision() {
        // pytorch-semantics.md b.4: 375x500 -> 256 gives 256x341; 333x500 -> 224 gives 224x336.
        assertArrayEquals(new int[] {341, 256}, size(Map.of("size", 256), 500, 375));
        assertArrayEquals(new int[] {336, 224}, size(Map.of("size", 224), 500, 333));
        assertArrayEquals(new int[] {224, 336}, size(Map.of("size", List.of(224)), 333, 500));
        assertArrayEquals(new int[] {67, 50}, size(Map.of("size", List.of(50, 67)), 160, 120));
    }

    @Test
    void maxSizeCapsTheLongerSide() {
        // 97x73 -> short 40, long int(40 * 97 / 73) = 53 > 50 -> short int(50 * 40 / 53) = 37, long 50.
        assertArrayEquals(new int[] {50, 37}, size(Map.of("size", 40, "max_size", 50), 97, 73));
        assertArrayEquals(new int[] {53, 40}, size(Map.of("size", 40, "max_size", 60), 97, 73));
    }

    @Test
    void seedFormKeepsTheAspectRatioWithPythonInt() {
        // int(120 * 50 / 160) = 37 (37.5 truncated); int(160 * 50 / 120) = 66.
        assertArrayEquals(new int[] {50, 37}, size(Map.of("width", 50), 160, 120));
        assertArrayEquals(new int[] {66, 50}, size(Map.of("height", 50), 160, 120));
        assertArrayEquals(new int[] {30, 40}, size(Map.of("height", 40, "width", 30), 160, 120));
    }

    @Test
    void anImageAlreadyOfTheOutputSizeIsReturnedAsItIs() {
        Image grass = Fixtures.input("grass");
        Transform<Image, Image> resize = Samples.create(new ResizeProvider(), Map.of("size", List.of(27, 35)));
        assertSame(grass, resize.apply(grass, new SplittableRandom(1)));
    }

    @Test
    void antialiasDefaultsToTrueInEveryForm() {
        assertTrue(Samples.create(new ResizeProvider(), Map.of("size", 9)).toString().contains("antialias=true"));
        assertTrue(Samples.create(new ResizeProvider(), Map.of("height", 9)).toString().contains("antialias=true"));
        assertTrue(Samples.create(new ResizeProvider(), Map.of("height", 9, "width", 9)).toString().contains("antialias=true"));
        assertTrue(Samples.create(new ResizeProvider(), Map.of("height", 9, "antialias", false)).toString()
                .contains("antialias=false"));
    }

    @Test
    void everyInterpolationResizesEveryChannelCount() {
        for (String mode : List.of("nearest", "bilinear", "bicubic", "area")) {
            for (boolean antialias : new boolean[] {true, false}) {
                Transform<Image, Image> resize = Samples.create(new ResizeProvider(),
                        Map.of("size", List.of(11, 13), "interpolation", mode, "antialias", antialias));
                for (Image image : Samples.allChannelCounts()) {
                    Image out = resize.apply(image, new SplittableRandom(0));
                    assertEquals("13x11x" + image.channels(), out.width() + "x" + out.height() + "x" + out.channels(),
                            mode + " antialias=" + antialias + " on " + image);
                }
            }
        }
    }

    @Test
    void mixingTheTwoFormsIsRefusedNamingTheKey() {
        OptionsException refused = assertThrows(OptionsException.class,
                () -> Samples.create(new ResizeProvider(), Map.of("size", 10, "height", 5)));
        assertEquals("transforms[0].resize.size", refused.keyPath());
    }

    @Test
    void maxSizeNotAboveSizeIsRefusedWithTorchvisionsMessage() {
        OptionsException refused = assertThrows(OptionsException.class,
                () -> Samples.create(new ResizeProvider(), Map.of("size", 10, "max_size", 10)));
        assertEquals("transforms[0].resize.max_size: max_size = 10 must be strictly greater than the requested size "
                + "for the smaller edge size = 10", refused.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheKeyPath() {
        assertEquals("transforms[0].resize.size", assertThrows(OptionsException.class,
                () -> Samples.create(new ResizeProvider(), Map.of())).keyPath());
        assertEquals("transforms[0].resize.size", assertThrows(OptionsException.class,
                () -> Samples.create(new ResizeProvider(), Map.of("size", List.of(1, 2, 3)))).keyPath());
        assertEquals("transforms[0].resize.size", assertThrows(OptionsException.class,
                () -> Samples.create(new ResizeProvider(), Map.of("size", 0))).keyPath());
        assertEquals("transforms[0].resize.size", assertThrows(OptionsException.class,
                () -> Samples.create(new ResizeProvider(), Map.of("size", 2.5))).keyPath());
        OptionsException mode = assertThrows(OptionsException.class,
                () -> Samples.create(new ResizeProvider(), Map.of("size", 4, "interpolation", "lanczos")));
        assertEquals("transforms[0].resize.interpolation: must be one of nearest, bilinear, bicubic, area, was 'lanczos'",
                mode.getMessage());
        assertEquals("transforms[0].resize.max_size", assertThrows(OptionsException.class,
                () -> Samples.create(new ResizeProvider(), Map.of("size", List.of(4, 5), "max_size", 9))).keyPath());
    }

    @Test
    void aZeroSideIsAnErrorNamingTheSizes() {
        Transform<Image, Image> resize = Samples.create(new ResizeProvider(), Map.of("width", 1));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> resize.apply(Image.wrap(10, 2, 1, new byte[20]), new SplittableRandom(0)));
        assertTrue(refused.getMessage().contains("10x2 image into 1x0"), refused.getMessage());
    }
}
