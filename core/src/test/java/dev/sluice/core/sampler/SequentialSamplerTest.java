package dev.sluice.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Sampler;
import dev.sluice.api.contract.SamplerContract;
import org.junit.jupiter.api.Test;

class SequentialSamplerTest extends SamplerContract {

    @Override
    protected Sampler createSampler(long datasetSize) {
        return new SequentialSampler(datasetSize);
    }

    @Override
    protected long[] datasetSizes() {
        return new long[] {0, 1, 2, 3, 10, 97};
    }

    @Test
    void yieldsEveryIndexInAscendingOrder() {
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, read(new SequentialSampler(5), 0));
    }

    @Test
    void everyEpochIsTheSame() {
        SequentialSampler sampler = new SequentialSampler(6);
        assertArrayEquals(read(sampler, 0), read(sampler, 9));
    }

    @Test
    void anEmptyDatasetYieldsNothing() {
        assertEquals(0, read(new SequentialSampler(0), 0).length);
    }

    @Test
    void negativeSizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SequentialSampler(-1));
        assertEquals("size must be >= 0, was -1", e.getMessage());
    }

    @Test
    void negativeEpochIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SequentialSampler(3).indices(-1));
        assertEquals("epoch must be >= 0, was -1", e.getMessage());
    }
}
