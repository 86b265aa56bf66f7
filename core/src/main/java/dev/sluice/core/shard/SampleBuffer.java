package dev.sluice.core.shard;

import dev.sluice.core.sampler.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded shuffle buffer, as WebDataset's {@code shuffle(n)}: the stream fills it up to its
 * capacity, and each sample taken is drawn uniformly from what it holds, its place taken by the
 * last one. Draw number {@code k} uses a source derived from (seed, k) alone, so the buffer's
 * future is a function of its contents and the number of draws made: a saved buffer (its contents
 * in order and the draw count) continues exactly. A capacity of 1 passes samples through in order.
 */
final class SampleBuffer<E> {
    private final int capacity;
    private final long seed;
    private final List<E> items;

    SampleBuffer(int capacity, long seed) {
        this.capacity = capacity;
        this.seed = seed;
        this.items = new ArrayList<>(Math.min(capacity, 1 << 12));
    }

    boolean isFull() {
        return items.size() >= capacity;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    int size() {
        return items.size();
    }

    void add(E item) {
        items.add(item);
    }

    /** The item at {@code index} in the buffer's order. */
    E get(int index) {
        return items.get(index);
    }

    /** Which place draw number {@code draw} takes from, among the current items. */
    int choose(long draw) {
        int size = items.size();
        return size == 1 ? 0 : Seeds.random(seed, draw).nextInt(size);
    }

    /** Removes and returns the item at {@code index}, moving the last item into its place. */
    E removeAt(int index) {
        int last = items.size() - 1;
        E taken = items.get(index);
        items.set(index, items.get(last));
        items.remove(last);
        return taken;
    }

    /** Undoes {@link #removeAt}: puts {@code item} back at {@code index} and the item there back at the end. */
    void putBack(int index, E item) {
        if (index == items.size()) {
            items.add(item);
        } else {
            items.add(items.get(index));
            items.set(index, item);
        }
    }
}
