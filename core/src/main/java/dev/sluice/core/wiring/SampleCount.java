package dev.sluice.core.wiring;

import dev.sluice.api.Collate;
import dev.sluice.api.TensorAllocator;
import java.util.List;

/** A collate whose batch is the number of its samples, which it drops: the batches of {@link Sluice#decodeOnly}. */
final class SampleCount implements Collate<Object, Integer> {
    static final SampleCount INSTANCE = new SampleCount();

    private SampleCount() {
    }

    @Override
    public Integer collate(List<?> samples, TensorAllocator allocator) {
        return samples.size();
    }
}
