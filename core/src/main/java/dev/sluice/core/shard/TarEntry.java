package dev.sluice.core.shard;

/**
 * A regular file in a tar archive.
 *
 * @param name the member's full name, from a pax {@code path}, a GNU long name, or the ustar prefix and name
 * @param size the number of data bytes
 * @param headerOffset where the entry's headers begin, extended headers (pax, GNU long name) included
 * @param dataOffset where its data begins
 */
record TarEntry(String name, long size, long headerOffset, long dataOffset) {
}
