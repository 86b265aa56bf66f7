package dev.sluice.core.loader;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which sample positions of an epoch have been handed out: every position below a prefix, and
 * ranges beyond it (only {@code in_order=false} delivers out of order). Ranges that join the
 * prefix are folded into it, so in order nothing is kept but one number.
 */
final class DeliveredPositions {
    private long prefix;
    /** Start to end (exclusive) of each delivered range above the prefix; never touching each other. */
    private final TreeMap<Long, Long> beyond = new TreeMap<>();

    DeliveredPositions() {
    }

    /** What a saved state says was delivered. */
    DeliveredPositions(long prefix, long[] ranges) {
        this.prefix = prefix;
        for (int i = 0; i < ranges.length; i += 2) {
            add(ranges[i], ranges[i + 1]);
        }
    }

    /** Marks positions {@code [start, end)} as delivered. */
    void add(long start, long end) {
        if (end <= start) {
            return;
        }
        long from = start;
        long to = end;
        Map.Entry<Long, Long> before = beyond.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
            beyond.remove(before.getKey());
        }
        for (Map.Entry<Long, Long> after = beyond.ceilingEntry(from); after != null && after.getKey() <= to;
                after = beyond.ceilingEntry(from)) {
            to = Math.max(to, after.getValue());
            beyond.remove(after.getKey());
        }
        if (from <= prefix) {
            prefix = Math.max(prefix, to);
            for (Map.Entry<Long, Long> next = beyond.firstEntry(); next != null && next.getKey() <= prefix;
                    next = beyond.firstEntry()) {
                prefix = Math.max(prefix, next.getValue());
                beyond.remove(next.getKey());
            }
        } else {
            beyond.put(from, to);
        }
    }

    /** Whether position {@code position} was delivered. */
    boolean contains(long position) {
        if (position < prefix) {
            return true;
        }
        Map.Entry<Long, Long> range = beyond.floorEntry(position);
        return range != null && position < range.getValue();
    }

    /** Every position below this was delivered. */
    long prefix() {
        return prefix;
    }

    /** The ranges delivered beyond the prefix, as {@code [start0, end0, start1, end1, ...]}. */
    long[] ranges() {
        long[] ranges = new long[beyond.size() * 2];
        int i = 0;
        for (Map.Entry<Long, Long> range : beyond.entrySet()) {
            ranges[i++] = range.getKey();
            ranges[i++] = range.getValue();
        }
        return ranges;
    }
}
