package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Region;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReductionsTest {

    @Test
    void reducedLengthRoundsUpAsLibjpeg() {
        assertEquals(51, Reductions.reducedLength(101, 2));
        assertEquals(26, Reductions.reducedLength(101, 4));
        assertEquals(13, Reductions.reducedLength(101, 8));
        assertEquals(1, Reductions.reducedLength(1, 8));
        assertEquals(268_435_456, Reductions.reducedLength(Integer.MAX_VALUE, 8));
        assertThrows(IllegalArgumentException.class, () -> Reductions.reducedLength(10, 3));
    }

    /** A limit that answers 8 for sizes of at least 800 x 600 as asked, and 1 otherwise. */
    private static final ReduceLimit LANDSCAPE_ONLY = (width, height) -> width >= 800 && height >= 600 ? 8 : 1;

    @Test
    void factorAsksTheLimitAboutTheSizeAsShownAfterTheOrientation() {
        ImageHeader upright = new ImageHeader("jpeg", 800, 600, 1);
        ImageHeader turned = new ImageHeader("jpeg", 800, 600, 6);
        DecodeOptions auto = DecodeOptions.DEFAULT.withAutoReduce(LANDSCAPE_ONLY);
        assertEquals(8, Reductions.factor(upright, auto));
        assertEquals(1, Reductions.factor(turned, auto), "orientation 6 shows the image as 600 x 800");
        assertEquals(8, Reductions.factor(turned, auto.withExifOrientation(false)), "orientation ignored: as stored");
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertEquals(orientation >= 5 ? 1 : 8, Reductions.factor(new ImageHeader("jpeg", 800, 600, orientation), auto),
                    "orientation " + orientation);
        }
    }

    @Test
    void factorIsTheFixedReduceWhenAboveOneOrWhenARegionIsGiven() {
        DecodeOptions auto = DecodeOptions.DEFAULT.withAutoReduce(LANDSCAPE_ONLY);
        assertEquals(2, Reductions.factor(800, 600, auto.withReduce(2)));
        assertEquals(1, Reductions.factor(800, 600, auto.withRegion(new Region(0, 0, 10, 10))));
        assertEquals(4, Reductions.factor(800, 600, auto.withReduce(4).withRegion(new Region(0, 0, 10, 10))));
        assertEquals(1, Reductions.factor(800, 600, DecodeOptions.DEFAULT), "no limit: full size");
    }

    @Test
    void factorRefusesALimitThatAnswersAnythingButOneTwoFourOrEight() {
        for (int answer : new int[] {0, 3, 16, -2}) {
            DecodeOptions options = DecodeOptions.DEFAULT.withAutoReduce((width, height) -> answer);
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Reductions.factor(640, 480, options));
            assertTrue(refused.getMessage().contains("answered " + answer + " for a 640x480 image"), refused::getMessage);
        }
    }

    @Test
    void reducedRegionCoversEveryTouchedPixelAndIsExactOnMultiples() {
        assertEquals(new Region(4, 2, 12, 8), Reductions.reducedRegion(new Region(16, 8, 48, 32), 4, 26, 17));
        assertEquals(new Region(1, 0, 2, 1), Reductions.reducedRegion(new Region(5, 1, 6, 2), 4, 26, 17));
        assertEquals(new Region(25, 16, 1, 1), Reductions.reducedRegion(new Region(100, 66, 1, 1), 4, 26, 17));
        assertEquals(new Region(0, 0, 26, 17), Reductions.reducedRegion(new Region(0, 0, 101, 67), 4, 26, 17));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void blockAverageIsTheRoundedMeanOfEachBlockIncludingPartialOnes(int factor) {
        SplittableRandom random = new SplittableRandom(factor);
        for (int trial = 0; trial < 20; trial++) {
            int width = random.nextInt(1, 40);
            int height = random.nextInt(1, 40);
            int channels = random.nextInt(1, 5);
            byte[] image = new byte[width * height * channels];
            random.nextBytes(image);
            assertArrayEquals(slowBlockAverage(image, width, height, channels, factor),
                    Reductions.blockAverage(image, width, height, channels, factor),
                    width + "x" + height + "x" + channels + " reduced by " + factor);
        }
    }

    @Test
    void blockAverageRoundsHalfUp() {
        byte[] pair = {1, 2, 3, 4};
        assertArrayEquals(new byte[] {3}, Reductions.blockAverage(pair, 2, 2, 1, 2), "mean 2.5 rounds to 3");
        assertThrows(IllegalArgumentException.class, () -> Reductions.blockAverage(pair, 2, 3, 1, 2));
    }

    private static byte[] slowBlockAverage(byte[] image, int width, int height, int channels, int factor) {
        int outWidth = (width + factor - 1) / factor;
        int outHeight = (height + factor - 1) / factor;
        byte[] out = new byte[outWidth * outHeight * channels];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int c = 0; c < channels; c++) {
                    double sum = 0;
                    int count = 0;
                    for (int y = oy * factor; y < Math.min(height, oy * factor + factor); y++) {
                        for (int x = ox * factor; x < Math.min(width, ox * factor + factor); x++) {
                            sum += image[(y * width + x) * channels + c] & 0xFF;
                            count++;
                        }
                    }
                    out[(oy * outWidth + ox) * channels + c] = (byte) Math.floor(sum / count + 0.5);
                }
            }
        }
        return out;
    }
}
