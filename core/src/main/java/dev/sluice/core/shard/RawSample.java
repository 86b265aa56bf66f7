package dev.sluice.core.shard;

import java.util.Map;

/**
 * One sample as a shard stores it: the members sharing a key, not yet decoded.
 *
 * @param shard the shard's index in the dataset's shard list
 * @param offset where the headers of the sample's first member begin in the shard
 * @param ordinal the sample's number within its shard, from 0
 * @param key the members' common name before the first dot, folders included ({@code "cats/000123"})
 * @param members extension (lower case, after the first dot: {@code "jpg"}, {@code "seg.png"}) to
 *        bytes, in archive order; the arrays belong to the sample
 */
record RawSample(int shard, long offset, long ordinal, String key, Map<String, byte[]> members) {
}
