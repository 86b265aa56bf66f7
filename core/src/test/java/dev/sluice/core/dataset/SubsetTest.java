package dev.sluice.core.dataset;

import static dev.sluice.core.dataset.RangeDataset.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubsetTest {

    @Test
    void readsTheDatasetAtTheGivenIndicesInTheirOrder() {
        Subset<Long> subset = new Subset<>(range(10), new long[] {7, 2, 2, 9});

        assertEquals(4, subset.size());
        assertEquals(List.of(7L, 2L, 2L, 9L), List.of(subset.get(0), subset.get(1), subset.get(2), subset.get(3)));
    }

    @Test
    void passesTheSameRandomSourceThrough() {
        RangeDataset dataset = range(10);
        SplittableRandom random = new SplittableRandom(3);

        assertEquals(5L, new Subset<>(dataset, new long[] {5}).get(0, random));

        assertEquals(1, dataset.randoms.size());
        assertSame(random, dataset.randoms.get(0));
    }

    @Test
    void describeAsksTheDatasetAboutItsIndex() {
        assertEquals(Optional.of("item 8"), new Subset<>(range(10), new long[] {3, 8}).describe(1));
    }

    @Test
    void keepsItsOwnCopyOfTheIndices() {
        long[] indices = {1, 2};
        Subset<Long> subset = new Subset<>(range(10), indices);
        indices[0] = 9;
        subset.indices()[1] = 9;

        assertArrayEquals(new long[] {1, 2}, subset.indices());
        assertEquals(1L, subset.get(0));
    }

    @Test
    void anIndexOutsideTheSubsetIsRefusedNamingIndexAndSize() {
        Subset<Long> subset = new Subset<>(range(10), new long[] {1, 2, 3});

        assertEquals("index 3 is outside [0, 3) of this subset of 3 samples",
                assertThrows(IndexOutOfBoundsException.class, () -> subset.get(3)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> subset.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> subset.get(3, new SplittableRandom(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> subset.describe(Long.MAX_VALUE));
    }

    @Test
    void indicesOutsideTheDatasetAreRefusedWhenMade() {
        assertEquals("indices[1] is 10, outside the dataset's [0, 10)",
                assertThrows(IllegalArgumentException.class, () -> new Subset<>(range(10), new long[] {0, 10})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Subset<>(range(10), new long[] {-1}));
    }

    @Test
    void anEndlessDatasetIsRefused() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new Subset<>(new RangeDataset(0, 10, true), new long[] {1})).getMessage();
        assertEquals("cannot take a subset of an endless dataset: its size() is only the length of one pass,"
                + " and a subset of it would silently stop being endless", message);
    }

    @Test
    void noIndicesMakeAnEmptySubset() {
        assertEquals(0, Datasets.subset(range(3)).size());
    }
}
