package dev.sluice.core.loader;

/**
 * One batch of a map-style epoch as planned, before anything is loaded.
 *
 * @param number the batch's number in the epoch, from 0
 * @param firstPosition the position in the epoch of its first sample, which keys its random source
 * @param indices the dataset indices of its samples
 * @param pass the sampler pass its last sample comes from: 0, except in an endless epoch
 */
record PlannedBatch(long number, long firstPosition, long[] indices, long pass) {
}
