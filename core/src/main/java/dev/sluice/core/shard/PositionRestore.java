package dev.sluice.core.shard;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Re-reads what a saved stream position needs: the samples that were in the shuffle buffer, and a
 * reader at the cursor. Each shard is read from its start, stepping over member data (read and
 * dropped, at about 1.7 GB/s of one core from the page cache: see BENCHMARKS.md), so that global pax
 * headers are honoured and a position that does not fall on a sample of the shard as it is now (the
 * shard was rewritten) is refused.
 */
final class PositionRestore {
    private PositionRestore() {
    }

    /**
     * The buffer's samples, in the position's order, with their data.
     *
     * @throws IllegalArgumentException if a shard has no sample at a saved offset
     */
    static RawSample[] buffered(StreamPosition position, ShardList shards) throws IOException {
        StreamPosition.Samples saved = position.buffer();
        int[] bufferShards = saved.shards();
        RawSample[] samples = new RawSample[bufferShards.length];
        Map<Integer, Map<Long, Integer>> wantedByShard = new HashMap<>();
        for (int i = 0; i < bufferShards.length; i++) {
            if (bufferShards[i] < 0 || bufferShards[i] >= shards.size()) {
                throw new IllegalArgumentException("the position's buffer names shard " + bufferShards[i] + " of "
                        + shards.size());
            }
            wantedByShard.computeIfAbsent(bufferShards[i], shard -> new HashMap<>()).put(saved.offsets()[i], i);
        }
        for (Map.Entry<Integer, Map<Long, Integer>> wanted : wantedByShard.entrySet()) {
            int shard = wanted.getKey();
            Map<Long, Integer> slots = wanted.getValue();
            long last = slots.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            int found = 0;
            try (SampleReader reader = new SampleReader(shards.path(shard), shards.name(shard), shard)) {
                while (!reader.exhausted() && reader.offset() <= last) {
                    Integer slot = slots.get(reader.offset());
                    RawSample sample = reader.next(slot != null);
                    if (slot != null) {
                        samples[slot] = sample;
                        found++;
                    }
                }
            }
            if (found < slots.size()) {
                long[] missing = slots.entrySet().stream().filter(e -> samples[e.getValue()] == null)
                        .mapToLong(Map.Entry::getKey).sorted().toArray();
                throw new IllegalArgumentException(shards.name(shard) + " has no sample at byte "
                        + Arrays.toString(missing) + ", where the saved position's shuffle buffer had one: the shard "
                        + "changed since the position was saved");
            }
        }
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].ordinal() != saved.ordinals()[i]) {
                throw new IllegalArgumentException(shards.name(samples[i].shard()) + ": the sample at byte "
                        + samples[i].offset() + " is number " + samples[i].ordinal() + ", the saved position says "
                        + saved.ordinals()[i] + ": the shard changed since the position was saved");
            }
        }
        return samples;
    }

    /**
     * A reader of {@code shard} whose next sample is number {@code ordinal} at {@code offset}.
     *
     * @throws IllegalArgumentException if no sample starts there
     */
    static SampleReader readerAt(ShardList shards, int shard, long offset, long ordinal) throws IOException {
        SampleReader reader = new SampleReader(shards.path(shard), shards.name(shard), shard);
        try {
            while (!reader.exhausted() && reader.offset() < offset) {
                reader.next(false);
            }
            if (reader.exhausted() || reader.offset() != offset || reader.ordinal() != ordinal) {
                throw new IllegalArgumentException(shards.name(shard) + " has no sample number " + ordinal + " at byte "
                        + offset + ": the shard changed since the position was saved");
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
