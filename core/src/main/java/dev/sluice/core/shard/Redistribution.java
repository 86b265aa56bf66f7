package dev.sluice.core.shard;

import dev.sluice.core.sampler.Rank;
import dev.sluice.core.shard.StreamPosition.Layout;
import dev.sluice.core.shard.StreamPosition.Samples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares out what the saved streams of an epoch had not yet returned among another number of
 * workers. The remainder is counted per shard, not per worker: a shard is finished when its stream
 * read past its end and returned every sample of it that went into the shuffle buffer; otherwise
 * what is left of it is the samples of it still in a buffer and the members from the stream's read
 * cursor on (the whole shard when its stream had not reached it). The unfinished shards, in the
 * epoch's shard order, go to the new workers as {@link ShardAssignment} deals shards: the
 * {@code i}-th to worker {@code i mod N}. A new worker's stream starts with the buffered samples of
 * its shards in its shuffle buffer and then reads its shards' remainders in turn, drawing from its
 * own buffer's random stream; so the remaining samples are each returned once, in an order that
 * differs from an uninterrupted run's, as PyTorch's order over an iterable dataset depends on the
 * number of workers.
 */
final class Redistribution {
    private Redistribution() {
    }

    /**
     * The new streams' positions.
     *
     * @param order the epoch's shard order
     * @throws IllegalArgumentException if a saved position belongs to another rank, worker layout or
     *         shard list, naming the stream
     */
    static List<String> positions(ShardList shards, Rank rank, int[] order, List<String> saved, int streams) {
        int[] place = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            place[order[i]] = i;
        }
        // Per unfinished shard: where its unread members start (null when all were read), and its buffered samples.
        Map<Integer, long[]> unread = new LinkedHashMap<>();
        Map<Integer, List<long[]>> buffered = new LinkedHashMap<>();
        for (int worker = 0; worker < saved.size(); worker++) {
            Layout layout = new Layout(rank.worldSize(), rank.rank(), saved.size(), worker);
            if (saved.get(worker).isEmpty()) {
                for (int shard : ShardAssignment.share(order, rank.rank(), rank.worldSize(), worker, saved.size())) {
                    unread.put(shard, new long[] {0, 0});
                }
                continue;
            }
            StreamPosition position = decode(saved.get(worker), worker);
            if (!position.layout().equals(layout) || position.shardCount() != shards.size()
                    || position.fingerprint() != shards.fingerprint()) {
                throw new IllegalArgumentException("stream " + worker + "'s saved position belongs to "
                        + position.layout() + " over " + position.shardCount() + " shards; this loader expected "
                        + layout + " over this dataset's " + shards.size());
            }
            Samples share = position.share() != null ? position.share() : whole(ShardAssignment.share(order,
                    rank.rank(), rank.worldSize(), worker, saved.size()));
            if (position.cursor() < 0 || position.cursor() > share.size()) {
                throw new IllegalArgumentException("stream " + worker + "'s saved position is at entry "
                        + position.cursor() + " of a share of " + share.size());
            }
            for (int i = position.cursor(); i < share.size(); i++) {
                boolean atCursor = i == position.cursor();
                unread.put(share.shards()[i], new long[] {atCursor ? position.offset() : share.offsets()[i],
                        atCursor ? position.ordinal() : share.ordinals()[i]});
            }
            Samples buffer = position.buffer();
            for (int i = 0; i < buffer.size(); i++) {
                buffered.computeIfAbsent(buffer.shards()[i], shard -> new ArrayList<>())
                        .add(new long[] {buffer.offsets()[i], buffer.ordinals()[i]});
            }
        }
        List<Integer> unfinished = new ArrayList<>(unread.keySet());
        buffered.keySet().stream().filter(shard -> !unread.containsKey(shard)).forEach(unfinished::add);
        for (int shard : unfinished) {
            if (shard < 0 || shard >= shards.size()) {
                throw new IllegalArgumentException("a saved position names shard " + shard + " of " + shards.size());
            }
        }
        unfinished.sort((a, b) -> Integer.compare(place[a], place[b]));
        List<String> positions = new ArrayList<>(streams);
        for (int worker = 0; worker < streams; worker++) {
            List<long[]> shareEntries = new ArrayList<>();
            List<long[]> bufferEntries = new ArrayList<>();
            for (int i = worker; i < unfinished.size(); i += streams) {
                int shard = unfinished.get(i);
                long[] start = unread.get(shard);
                if (start != null) {
                    shareEntries.add(new long[] {shard, start[0], start[1]});
                }
                for (long[] sample : buffered.getOrDefault(shard, List.of())) {
                    bufferEntries.add(new long[] {shard, sample[0], sample[1]});
                }
            }
            Samples share = samples(shareEntries);
            positions.add(new StreamPosition(new Layout(rank.worldSize(), rank.rank(), streams, worker),
                    shards.size(), shards.fingerprint(), 0, share.size() == 0 ? 0 : share.offsets()[0],
                    share.size() == 0 ? 0 : share.ordinals()[0], 0, samples(bufferEntries), share).encode());
        }
        return positions;
    }

    private static StreamPosition decode(String text, int worker) {
        try {
            return StreamPosition.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stream " + worker + ": " + e.getMessage(), e);
        }
    }

    /** Whole shards, each read from its start. */
    private static Samples whole(int[] shards) {
        return new Samples(shards, new long[shards.length], new long[shards.length]);
    }

    /** Entries of (shard, offset, number) as {@link Samples}. */
    private static Samples samples(List<long[]> entries) {
        int[] shards = new int[entries.size()];
        long[] offsets = new long[entries.size()];
        long[] ordinals = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            shards[i] = Math.toIntExact(entries.get(i)[0]);
            offsets[i] = entries.get(i)[1];
            ordinals[i] = entries.get(i)[2];
        }
        return new Samples(shards, offsets, ordinals);
    }
}
