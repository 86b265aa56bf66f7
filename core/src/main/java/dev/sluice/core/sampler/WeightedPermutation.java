package dev.sluice.core.sampler;

import java.util.SplittableRandom;

/**
 * The first {@code count} indices of a weighted random order, as {@code torch.multinomial} without
 * replacement: each next index is drawn with probability proportional to its weight among the
 * indices not drawn yet, and an index of weight 0 never comes.
 *
 * <p>Efraimidis and Spirakis ("Weighted random sampling with a reservoir", IPL 2006): index {@code i}
 * gets the key {@code E_i / w_i} with {@code E_i} exponential of rate 1; ordering by ascending key is
 * a race of exponential clocks, and by memorylessness the next clock to ring among those left has
 * that distribution. Keys are compared as logarithms so that tiny weights cannot overflow them. The
 * {@code count} smallest are kept in a binary max-heap: {@code O(n log count)} time, {@code O(count)} memory.
 */
final class WeightedPermutation {
    private WeightedPermutation() {
    }

    /**
     * @param weights finite and {@code >= 0}, with at least {@code count} positive entries
     * @return {@code count} distinct indices of positive weight, in drawing order
     */
    static int[] draw(double[] weights, int count, SplittableRandom random) {
        double[] keys = new double[count];
        int[] items = new int[count];
        int size = 0;
        for (int i = 0; i < weights.length; i++) {
            double weight = weights[i];
            if (weight == 0) {
                continue;
            }
            double exponential = -Math.log1p(-random.nextDouble());
            double key = Math.log(exponential) - Math.log(weight);
            if (size < count) {
                keys[size] = key;
                items[size] = i;
                siftUp(keys, items, size);
                size++;
            } else if (count > 0 && key < keys[0]) {
                keys[0] = key;
                items[0] = i;
                siftDown(keys, items, 0, size);
            }
        }
        // Heapsort's second half: the largest key moves to the end, leaving the array ascending.
        for (int end = size - 1; end > 0; end--) {
            swap(keys, items, 0, end);
            siftDown(keys, items, 0, end);
        }
        return items;
    }

    private static void siftUp(double[] keys, int[] items, int child) {
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (keys[parent] >= keys[child]) {
                return;
            }
            swap(keys, items, parent, child);
            child = parent;
        }
    }

    private static void siftDown(double[] keys, int[] items, int parent, int size) {
        while (true) {
            // In long arithmetic: 2 * parent + 1 overflows an int beyond a billion entries.
            long left = 2L * parent + 1;
            int largest = parent;
            if (left < size && keys[(int) left] > keys[largest]) {
                largest = (int) left;
            }
            if (left + 1 < size && keys[(int) left + 1] > keys[largest]) {
                largest = (int) left + 1;
            }
            if (largest == parent) {
                return;
            }
            swap(keys, items, parent, largest);
            parent = largest;
        }
    }

    private static void swap(double[] keys, int[] items, int a, int b) {
        double key = keys[a];
        keys[a] = keys[b];
        keys[b] = key;
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
    }
}
