package dev.sluice.core.dataset;

import static dev.sluice.core.dataset.RangeDataset.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static long[] sizes(List<? extends Subset<?>> subsets) {
        long[] sizes = new long[subsets.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = subsets.get(i).size();
        }
        return sizes;
    }

    private static List<Long> concatenated(List<Subset<Long>> subsets) {
        List<Long> samples = new ArrayList<>();
        for (Subset<Long> subset : subsets) {
            for (long i = 0; i < subset.size(); i++) {
                samples.add(subset.get(i));
            }
        }
        return samples;
    }

    @Test
    void fractionsGiveTheSizesPyTorchGives() {
        // random_split(range(n), fractions) with torch 1.13.
        assertArrayEquals(new long[] {4, 3, 3}, sizes(Datasets.randomSplit(range(10), new double[] {0.33, 0.33, 0.34}, 0)));
        assertArrayEquals(new long[] {4, 3}, sizes(Datasets.randomSplit(range(7), new double[] {0.5, 0.5}, 0)));
        assertArrayEquals(new long[] {1, 1}, sizes(Datasets.randomSplit(range(2), new double[] {0.1, 0.9}, 0)));
        assertArrayEquals(new long[] {3, 3, 3, 1}, sizes(Datasets.randomSplit(range(10), new double[] {0.3, 0.3, 0.3, 0.1}, 0)));
        assertArrayEquals(new long[] {2, 1, 1, 1}, sizes(Datasets.randomSplit(range(5), new double[] {0.25, 0.25, 0.25, 0.25}, 0)));
        assertArrayEquals(new long[] {1, 1, 1, 0, 0}, sizes(Datasets.randomSplit(range(3), new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, 0)));
    }

    @Test
    void fractionsWhoseRoundedSumLandsJustAbove1AreAccepted() {
        // 0.2 + 0.4 + 0.3 + 0.1 is 1.0000000000000002 in binary floating point.
        assertArrayEquals(new long[] {2, 4, 3, 1}, sizes(Datasets.randomSplit(range(10), new double[] {0.2, 0.4, 0.3, 0.1}, 0)));
    }

    @Test
    void subsetsAreDisjointAndCoverTheDataset() {
        List<Subset<Long>> subsets = Datasets.randomSplit(range(10), new long[] {3, 0, 5, 2}, 11);

        List<Long> samples = concatenated(subsets);
        assertEquals(10, samples.size());
        assertEquals(new TreeSet<>(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L)), new TreeSet<>(samples));
        assertArrayEquals(new long[] {3, 0, 5, 2}, sizes(subsets));
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        List<Subset<Long>> first = Datasets.randomSplit(range(50), new double[] {0.8, 0.2}, 42);
        List<Subset<Long>> second = Datasets.randomSplit(range(50), new double[] {0.8, 0.2}, 42);

        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).indices(), second.get(i).indices());
        }
    }

    @Test
    void anotherSeedGivesAnotherSplit() {
        assertNotEquals(concatenated(Datasets.randomSplit(range(50), new long[] {25, 25}, 1)),
                concatenated(Datasets.randomSplit(range(50), new long[] {25, 25}, 2)));
    }

    @Test
    void theSplitIsShuffledNotCutInOrder() {
        List<Long> inOrder = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            inOrder.add(i);
        }
        assertNotEquals(inOrder, concatenated(Datasets.randomSplit(range(100), new long[] {50, 50}, 7)));
    }

    @Test
    void lengthsThatDoNotAddUpAreRefusedWithPyTorchsMessage() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Datasets.randomSplit(range(10), new long[] {3, 3, 3}, 0)).getMessage();
        assertEquals("Sum of input lengths does not equal the length of the input dataset!"
                + " (lengths [3, 3, 3], dataset of 10 samples)", message);
        assertThrows(IllegalArgumentException.class,
                () -> Datasets.randomSplit(range(10), new long[] {Long.MAX_VALUE, Long.MAX_VALUE, 2}, 0));
    }

    @Test
    void aNegativeLengthIsRefusedNamingIt() {
        assertEquals("lengths[1] must be >= 0, was -1", assertThrows(IllegalArgumentException.class,
                () -> Datasets.randomSplit(range(10), new long[] {11, -1}, 0)).getMessage());
    }

    @Test
    void aFractionOutsideZeroToOneIsRefusedWithPyTorchsMessage() {
        assertEquals("Fraction at index 0 is not between 0 and 1 (it is 1.5)", assertThrows(IllegalArgumentException.class,
                () -> Datasets.randomSplit(range(10), new double[] {1.5, -0.5}, 0)).getMessage());
    }

    @Test
    void fractionsThatDoNotSumToOneAreRefusedNamingTheSum() {
        assertEquals("fractions must sum to 1, they sum to 0.9: [0.5, 0.4]", assertThrows(IllegalArgumentException.class,
                () -> Datasets.randomSplit(range(10), new double[] {0.5, 0.4}, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(range(10), new double[] {Double.NaN, 1}, 0));
    }

    @Test
    void anEndlessDatasetCannotBeSplit() {
        RangeDataset endless = new RangeDataset(0, 10, true);
        String expected = "cannot split an endless dataset: its size() is only the length of one pass,"
                + " and its parts would silently stop being endless";

        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> Datasets.randomSplit(endless, new long[] {5, 5}, 0)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> Datasets.randomSplit(endless, new double[] {0.5, 0.5}, 0)).getMessage());
    }

    @Test
    void subsetsReadThroughToTheDataset() {
        RangeDataset dataset = new RangeDataset(1000, 20, false);
        for (Subset<Long> subset : Datasets.randomSplit(dataset, new double[] {0.5, 0.25, 0.25}, 3)) {
            long[] indices = subset.indices();
            for (int i = 0; i < indices.length; i++) {
                assertEquals(1000 + indices[i], subset.get(i));
            }
            assertTrue(subset.dataset() == dataset);
        }
    }

    @Test
    void anEmptyDatasetSplitsIntoEmptyParts() {
        assertArrayEquals(new long[] {0, 0}, sizes(Datasets.randomSplit(range(0), new long[] {0, 0}, 0)));
    }
}
