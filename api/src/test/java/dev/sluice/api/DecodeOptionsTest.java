package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecodeOptionsTest {

    @Test
    void defaultIsRgbFullSizeWholeImageOrientedWithPilsPixelLimit() {
        DecodeOptions options = DecodeOptions.DEFAULT;
        assertEquals(ColorMode.RGB, options.mode());
        assertEquals(1, options.reduce());
        assertNull(options.region());
        assertTrue(options.applyExifOrientation());
        assertEquals(178_956_970L, options.maxPixels(), "2 * PIL's Image.MAX_IMAGE_PIXELS (89,478,485)");
        assertSame(ReduceLimit.NONE, options.autoReduce());
    }

    @Test
    void outOfRangeOptionsAreRefusedNamingOptionAndValue() {
        assertEquals("mode must not be null", assertThrows(IllegalArgumentException.class,
                () -> new DecodeOptions(null, 1, null, true, 1)).getMessage());
        assertEquals("reduce must be 1, 2, 4 or 8, was 3", assertThrows(IllegalArgumentException.class,
                () -> DecodeOptions.DEFAULT.withReduce(3)).getMessage());
        assertEquals("reduce must be 1, 2, 4 or 8, was 16", assertThrows(IllegalArgumentException.class,
                () -> DecodeOptions.DEFAULT.withReduce(16)).getMessage());
        assertEquals("maxPixels must be > 0, was 0", assertThrows(IllegalArgumentException.class,
                () -> DecodeOptions.DEFAULT.withMaxPixels(0)).getMessage());
        assertEquals("autoReduce must not be null; ReduceLimit.NONE turns it off",
                assertThrows(IllegalArgumentException.class, () -> DecodeOptions.DEFAULT.withAutoReduce(null)).getMessage());
    }

    @Test
    void everyReductionOpenCvOffersIsAccepted() {
        for (int reduce : new int[] {1, 2, 4, 8}) {
            assertEquals(reduce, DecodeOptions.DEFAULT.withReduce(reduce).reduce());
        }
    }

    @Test
    void withersChangeOnlyTheirOwnOption() {
        Region region = new Region(1, 2, 3, 4);
        DecodeOptions options = DecodeOptions.DEFAULT.withMode(ColorMode.GRAY).withReduce(4).withRegion(region)
                .withExifOrientation(false).withMaxPixels(1000);
        assertEquals(new DecodeOptions(ColorMode.GRAY, 4, region, false, 1000), options);
        assertEquals(new DecodeOptions(ColorMode.UNCHANGED, 4, region, false, 1000),
                options.withMode(ColorMode.UNCHANGED));
        assertEquals(new DecodeOptions(ColorMode.GRAY, 4, null, false, 1000), options.withRegion(null));
        assertEquals(new DecodeOptions(ColorMode.GRAY, 4, region, true, 1000), options.withExifOrientation(true));
        ReduceLimit limit = (width, height) -> 2;
        DecodeOptions auto = options.withAutoReduce(limit);
        assertEquals(new DecodeOptions(ColorMode.GRAY, 4, region, false, 1000, limit), auto);
        assertSame(limit, auto.withMode(ColorMode.RGB).withReduce(1).withRegion(null).withExifOrientation(true)
                .withMaxPixels(5).autoReduce(), "every other wither keeps the limit");
    }
}
