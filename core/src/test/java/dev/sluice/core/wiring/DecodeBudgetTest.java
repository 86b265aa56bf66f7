package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.ColorMode;
import org.junit.jupiter.api.Test;

class DecodeBudgetTest {
    private static final long GIB = 1L << 30;

    @Test
    void twoWorkersDecodingRgbInTwoGigabytesMayEachTakeAFewTimesLessThanA13000SquarePng() {
        long limit = DecodeBudget.maxPixels(2 * GIB, 2, ColorMode.RGB);
        assertEquals(2 * GIB / 2 / (3 * 3 * 2), limit);
        assertEquals(true, limit < 13000L * 13000, "a 13000x13000 RGB decode is refused in a 2 GB heap with 2 workers");
    }

    @Test
    void theBudgetIsSharedByTheWorkersAndTheChannels() {
        assertEquals(DecodeBudget.maxPixels(8 * GIB, 1, ColorMode.RGB) / 4, DecodeBudget.maxPixels(8 * GIB, 4, ColorMode.RGB));
        assertEquals(DecodeBudget.maxPixels(8 * GIB, 0, ColorMode.GRAY), DecodeBudget.maxPixels(8 * GIB, 1, ColorMode.GRAY));
        assertEquals(DecodeBudget.maxPixels(8 * GIB, 1, ColorMode.GRAY) / 3, DecodeBudget.maxPixels(8 * GIB, 1, ColorMode.RGB));
        assertEquals(1, DecodeBudget.maxPixels(1, 64, ColorMode.UNCHANGED));
    }
}
