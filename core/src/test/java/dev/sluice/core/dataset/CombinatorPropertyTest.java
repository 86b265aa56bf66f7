package dev.sluice.core.dataset;

import static dev.sluice.core.dataset.RangeDataset.range;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CombinatorPropertyTest {

    @Property
    void randomSplitVisitsEveryIndexExactlyOnce(@ForAll("lengthLists") long[] lengths, @ForAll long seed) {
        long size = Arrays.stream(lengths).sum();

        List<Subset<Long>> subsets = Datasets.randomSplit(range(size), lengths, seed);

        int[] visits = new int[(int) size];
        for (int s = 0; s < subsets.size(); s++) {
            assertEquals(lengths[s], subsets.get(s).size());
            for (long index : subsets.get(s).indices()) {
                visits[(int) index]++;
            }
        }
        for (int index = 0; index < visits.length; index++) {
            assertEquals(1, visits[index], "visits of index " + index);
        }
    }

    @Property
    void concatReadsWhatALinearScanFinds(@ForAll("sizeLists") long[] sizes) {
        List<RangeDataset> members = new ArrayList<>();
        for (int m = 0; m < sizes.length; m++) {
            members.add(new RangeDataset(1000L * m, sizes[m], false));
        }

        ConcatDataset<Long> concat = Datasets.concat(members);

        long index = 0;
        for (int m = 0; m < sizes.length; m++) {
            for (long local = 0; local < sizes[m]; local++, index++) {
                assertEquals(1000L * m + local, concat.get(index), "index " + index);
            }
        }
        assertEquals(index, concat.size());
    }

    @Provide
    Arbitrary<long[]> lengthLists() {
        return Arbitraries.longs().between(0, 40).array(long[].class).ofMinSize(0).ofMaxSize(6);
    }

    @Provide
    Arbitrary<long[]> sizeLists() {
        return Arbitraries.longs().between(0, 6).array(long[].class).ofMinSize(1).ofMaxSize(8);
    }
}
