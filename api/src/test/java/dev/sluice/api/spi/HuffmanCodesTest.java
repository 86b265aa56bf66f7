package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HuffmanCodesTest {

    @Test
    void countsThatOverflowAShortLengthAreRefusedNotWrittenPastTheTable() {
        int[] counts = new int[17];
        counts[1] = 3;
        assertNull(HuffmanCodes.of(counts, new int[] {0, 1, 2}));
        int[] lengthEight = new int[17];
        lengthEight[8] = 257;
        assertNull(HuffmanCodes.of(lengthEight, new int[257]));
    }

    @Test
    void countsThatFitGiveATable() {
        int[] counts = new int[17];
        counts[1] = 1;
        counts[2] = 2;
        assertNotNull(HuffmanCodes.of(counts, new int[] {0, 1, 2}));
    }
}
