package dev.sluice.core.dataset;

import dev.sluice.api.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Python's {@code range(start, start + size)} as a dataset, remembering the random sources it is handed. */
final class RangeDataset implements Dataset<Long> {
    private final long start;
    private final long size;
    private final boolean endless;
    final List<RandomGenerator> randoms = Collections.synchronizedList(new ArrayList<>());

    RangeDataset(long start, long size, boolean endless) {
        this.start = start;
        this.size = size;
        this.endless = endless;
    }

    static RangeDataset range(long size) {
        return new RangeDataset(0, size, false);
    }

    @Override
    public Long get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + size + ")");
        }
        return start + index;
    }

    @Override
    public Long get(long index, RandomGenerator random) {
        randoms.add(random);
        return get(index);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Optional<String> describe(long index) {
        return Optional.of("item " + get(index));
    }

    @Override
    public boolean isEndless() {
        return endless;
    }
}
