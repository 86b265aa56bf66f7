package dev.sluice.plugins.transforms.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code grayscale}: the contract, torchvision's truncating formula, and grey and alpha inputs. */
class GrayscaleTest extends ConfiguredTransformContract<Image, Image> {

    GrayscaleTest() {
        super("grayscale", Options.of("transforms[0].grayscale", Map.of("num_output_channels", 3)),
                Samples::photos, DETERMINISTIC);
    }

    @Test
    void levelIsTheFloatWeightedSumTruncated() {
        Transform<Image, Image> grey = Samples.create(new GrayscaleProvider(), Map.of());
        Image pixel = Image.wrap(1, 1, 3, new byte[] {(byte) 200, 100, 50});
        // 0.2989 * 200 + 0.587 * 100 + 0.114 * 50 = 124.18 -> 124 (PIL rounds 299/587/114 weights: 124 too).
        assertEquals(124, grey.apply(pixel, new SplittableRandom(0)).get(0, 0, 0));
        Image tie = Image.wrap(1, 1, 3, new byte[] {(byte) 255, (byte) 255, 0});
        // 0.2989 * 255 + 0.587 * 255 = 225.9 -> 225, where rounding gives 226.
        assertEquals(225, grey.apply(tie, new SplittableRandom(0)).get(0, 0, 0));
    }

    @Test
    void aGreyImagePassesThroughOrIsRepeated() {
        Image grey = Fixtures.input("flower-grey");
        assertSame(grey, Samples.<Image, Image>create(new GrayscaleProvider(), Map.of()).apply(grey, new SplittableRandom(0)));
        Image three = Samples.<Image, Image>create(new GrayscaleProvider(), Map.of("num_output_channels", 3))
                .apply(grey, new SplittableRandom(0));
        assertEquals(grey.get(5, 6, 0), three.get(5, 6, 2));
    }

    @Test
    void alphaImagesAreRefused() {
        Transform<Image, Image> grey = Samples.create(new GrayscaleProvider(), Map.of());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> grey.apply(TestImages.photo(4, 4, 4), new SplittableRandom(0)));
        assertEquals("grayscale takes images of 1 or 3 channels, this one has 4 (Image[4x4x4])", refused.getMessage());
    }

    @Test
    void outputChannelsMustBeOneOrThree() {
        assertEquals("transforms[0].grayscale.num_output_channels", assertThrows(OptionsException.class,
                () -> Samples.create(new GrayscaleProvider(), Map.of("num_output_channels", 2))).keyPath());
    }
}
