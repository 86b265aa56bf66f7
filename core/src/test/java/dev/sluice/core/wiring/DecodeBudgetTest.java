package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import org.junit.jupiter.api.Test;

class DecodeBudgetTest {
    private static final long GIB = 1L << 30;

    @Test
    void twoWorkersDecodingRgbInTheCommandLinesHeapMayNotTakeA13000SquarePngButMayTakeA48MegapixelPhoto() {
        long limit = DecodeBudget.maxPixels(768L << 20, 2, ColorMode.RGB);
        assertEquals((768L << 20) / (2 * 3 * 2), limit);
        assertTrue(limit < 13000L * 13000, "a 13000x13000 RGB decode is refused in 768 MB with 2 workers");
        assertTrue(limit > 8000L * 6000, "an 8000x6000 photograph is not");
    }

    @Test
    void theBudgetIsSharedByTheWorkersAndTheChannels() {
        assertEquals(DecodeBudget.maxPixels(8 * GIB, 1, ColorMode.RGB) / 4, DecodeBudget.maxPixels(8 * GIB, 4, ColorMode.RGB));
        assertEquals(DecodeBudget.maxPixels(8 * GIB, 0, ColorMode.GRAY), DecodeBudget.maxPixels(8 * GIB, 1, ColorMode.GRAY));
        assertEquals(DecodeBudget.maxPixels(8 * GIB, 1, ColorMode.GRAY) / 3, DecodeBudget.maxPixels(8 * GIB, 1, ColorMode.RGB));
        assertEquals(1, DecodeBudget.maxPixels(1, 64, ColorMode.UNCHANGED));
    }
}
