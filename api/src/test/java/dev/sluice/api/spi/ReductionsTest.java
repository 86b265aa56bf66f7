package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
