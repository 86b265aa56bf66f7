package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RecentHuffmanCodesTest {

    /** A table of one code per length 1 to {@code longest}: symbols 0, 1, 2, ... */
    private static byte[] definition(int longest, int firstSymbol) {
        byte[] definition = new byte[16 + longest];
        for (int length = 1; length <= longest; length++) {
            definition[length - 1] = 1;
            definition[15 + length] = (byte) (firstSymbol + length - 1);
        }
        return definition;
    }

    @Test
    void theSameBytesGiveTheSameTableWithItsSteps() {
        HuffmanCodes first = RecentHuffmanCodes.of(definition(5, 200));
        assertSame(first, RecentHuffmanCodes.of(definition(5, 200)));
        assertSame(first.acSteps(), RecentHuffmanCodes.of(definition(5, 200)).acSteps());
        assertNotSame(first, RecentHuffmanCodes.of(definition(5, 201)));
    }

    @Test
    void countsThatOverflowAreRefusedEveryTime() {
        byte[] overflowing = new byte[16 + 3];
        overflowing[0] = 3;
        assertNull(RecentHuffmanCodes.of(overflowing));
        assertNull(RecentHuffmanCodes.of(overflowing.clone()));
    }

    @Test
    void tablesOfTheirOwnInEveryFileAreNotKeptWithoutBound() {
        HuffmanCodes kept = RecentHuffmanCodes.of(definition(16, 0));
        for (int other = 1; other <= RecentHuffmanCodes.CAPACITY; other++) {
            RecentHuffmanCodes.of(definition(16, other));
        }
        assertNotSame(kept, RecentHuffmanCodes.of(definition(16, 0)));
    }
}
