package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AvailabilityTest {

    @Test
    void availableHasNoReason() {
        assertTrue(Availability.AVAILABLE.available());
        assertEquals("", Availability.AVAILABLE.reason());
    }

    @Test
    void unavailableKeepsItsReason() {
        Availability missing = Availability.unavailable("libopencv_java490.so did not load: not found");
        assertFalse(missing.available());
        assertEquals("libopencv_java490.so did not load: not found", missing.reason());
    }

    @Test
    void anUnavailableProviderMustSayWhy() {
        assertEquals("an unavailable provider must say why",
                assertThrows(IllegalArgumentException.class, () -> Availability.unavailable(" ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Availability.unavailable(""));
    }

    @Test
    void anAvailableProviderGivesNoReason() {
        assertEquals("an available provider has no reason, was 'ok'",
                assertThrows(IllegalArgumentException.class, () -> new Availability(true, "ok")).getMessage());
        assertEquals("reason must not be null",
                assertThrows(IllegalArgumentException.class, () -> new Availability(true, null)).getMessage());
    }
}
