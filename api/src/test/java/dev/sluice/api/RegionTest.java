package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void outOfRangeComponentsAreRefusedNamingComponentAndValue() {
        assertEquals("x must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> new Region(-1, 0, 1, 1)).getMessage());
        assertEquals("y must be >= 0, was -2",
                assertThrows(IllegalArgumentException.class, () -> new Region(0, -2, 1, 1)).getMessage());
        assertEquals("width must be > 0, was 0",
                assertThrows(IllegalArgumentException.class, () -> new Region(0, 0, 0, 1)).getMessage());
        assertEquals("height must be > 0, was -4",
                assertThrows(IllegalArgumentException.class, () -> new Region(0, 0, 1, -4)).getMessage());
    }

    @Test
    void fitsInIsTrueOnlyWhenTheWholeRectangleIsInside() {
        assertTrue(new Region(0, 0, 10, 5).fitsIn(10, 5));
        assertTrue(new Region(9, 4, 1, 1).fitsIn(10, 5));
        assertFalse(new Region(9, 4, 2, 1).fitsIn(10, 5));
        assertFalse(new Region(0, 5, 1, 1).fitsIn(10, 5));
        assertFalse(new Region(Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 1).fitsIn(Integer.MAX_VALUE, 1),
                "x + width must not overflow");
    }

    @Test
    void toStringIsTheSeedRecipesRectangle() {
        assertEquals("[1, 2, 3, 4]", new Region(1, 2, 3, 4).toString());
    }
}
