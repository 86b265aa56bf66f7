package dev.sluice.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Sampler;
import dev.sluice.api.contract.SamplerContract;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SubsetRandomSamplerTest extends SamplerContract {

    @Override
    protected Sampler createSampler(long datasetSize) {
        // The odd indices, then the even ones: a subset list in no particular order.
        long[] indices = new long[(int) datasetSize];
        int next = 0;
        for (long i = 1; i < datasetSize; i += 2) {
            indices[next++] = i;
        }
        for (long i = 0; i < datasetSize; i += 2) {
            indices[next++] = i;
        }
        return new SubsetRandomSampler(indices, 42);
    }

    @Override
    protected long[] datasetSizes() {
        return new long[] {0, 1, 2, 3, 10, 97};
    }

    @Test
    void eachEpochYieldsEveryListedIndexOncePerListing() {
        long[] listed = {92, 5, 17, 17, 3, 40_000_000_000L};
        SubsetRandomSampler sampler = new SubsetRandomSampler(listed, 1);
        long[] expected = listed.clone();
        Arrays.sort(expected);
        for (long epoch = 0; epoch < 4; epoch++) {
            long[] indices = read(sampler, epoch);
            Arrays.sort(indices);
            assertArrayEquals(expected, indices);
        }
    }

    @Test
    void theOrderChangesWithTheEpochAndTheSeed() {
        long[] listed = new long[50];
        for (int i = 0; i < listed.length; i++) {
            listed[i] = 1000 + 3 * i;
        }
        SubsetRandomSampler sampler = new SubsetRandomSampler(listed, 1);
        assertFalse(Arrays.equals(read(sampler, 0), read(sampler, 1)));
        assertFalse(Arrays.equals(read(sampler, 0), read(new SubsetRandomSampler(listed, 2), 0)));
    }

    @Test
    void theSamplerKeepsItsOwnCopyOfTheIndices() {
        long[] listed = {1, 2, 3, 4};
        SubsetRandomSampler sampler = new SubsetRandomSampler(listed, 1);
        long[] before = read(sampler, 0);
        Arrays.fill(listed, 7);
        assertArrayEquals(before, read(sampler, 0));
    }

    @Test
    void aNegativeIndexIsRefusedNamingItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SubsetRandomSampler(new long[] {4, 0, -3}, 1));
        assertEquals("indices[2] must be >= 0, was -3", e.getMessage());
    }

    @Test
    void nullIndicesAreRefused() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new SubsetRandomSampler(null, 1));
        assertEquals("indices", e.getMessage());
    }

    @Test
    void negativeEpochIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SubsetRandomSampler(new long[] {1}, 1).indices(-1));
        assertEquals("epoch must be >= 0, was -1", e.getMessage());
    }
}
