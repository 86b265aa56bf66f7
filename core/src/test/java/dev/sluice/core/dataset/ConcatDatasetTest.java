package dev.sluice.core.dataset;

import static dev.sluice.core.dataset.RangeDataset.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConcatDatasetTest {

    private static List<Long> all(ConcatDataset<Long> dataset) {
        List<Long> samples = new ArrayList<>();
        for (long i = 0; i < dataset.size(); i++) {
            samples.add(dataset.get(i));
        }
        return samples;
    }

    @Test
    void readsEachDatasetInTurnSkippingEmptyOnesAsPyTorchDoes() {
        // ConcatDataset([range(3), range(0), range(2)]) in PyTorch: len 5, [0, 1, 2, 0, 1], cumulative [3, 3, 5].
        ConcatDataset<Long> dataset = new ConcatDataset<>(List.of(range(3), range(0), range(2)));

        assertEquals(5, dataset.size());
        assertEquals(List.of(0L, 1L, 2L, 0L, 1L), all(dataset));
        assertArrayEquals(new long[] {3, 3, 5}, dataset.cumulativeSizes());
    }

    @Test
    void passesTheSameRandomSourceToTheMember() {
        RangeDataset second = new RangeDataset(100, 4, false);
        SplittableRandom random = new SplittableRandom(5);

        assertEquals(102L, Datasets.concat(range(2), second).get(4, random));

        assertSame(random, second.randoms.get(0));
    }

    @Test
    void describeAsksTheMemberAboutItsOwnIndex() {
        assertEquals(Optional.of("item 101"), Datasets.concat(range(2), new RangeDataset(100, 4, false)).describe(3));
    }

    @Test
    void anEmptyListIsRefusedWithPyTorchsMessage() {
        assertEquals("datasets should not be an empty iterable",
                assertThrows(IllegalArgumentException.class, () -> new ConcatDataset<Long>(List.of())).getMessage());
    }

    @Test
    void anIndexOutsideIsRefusedNamingIndexAndSize() {
        ConcatDataset<Long> dataset = Datasets.concat(range(3), range(2));

        assertEquals("index 5 is outside [0, 5) of this concatenation of 2 datasets",
                assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(5)).getMessage());
        assertEquals("index -1 is outside [0, 5) of this concatenation of 2 datasets",
                assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(-1)).getMessage());
    }

    @Test
    void anEndlessMemberIsRefusedNamingItsPosition() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Datasets.concat(range(3), new RangeDataset(0, 3, true))).getMessage();
        assertEquals("datasets[1] is endless and cannot be concatenated: its size() is only the length of one pass,"
                + " so nothing after it could be reached", message);
    }

    @Test
    void aNullMemberIsRefusedNamingItsPosition() {
        assertEquals("datasets[1]", assertThrows(NullPointerException.class,
                () -> new ConcatDataset<Long>(Arrays.asList(range(1), null))).getMessage());
    }

    @Test
    void keepsTheMembersInOrder() {
        RangeDataset first = range(1);
        RangeDataset second = range(2);
        assertEquals(List.of(first, second), Datasets.concat(List.of(first, second)).datasets());
    }
}
