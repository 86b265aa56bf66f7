package dev.sluice.core.shard;

import java.nio.file.Path;
import java.util.List;

/**
 * The shards of a dataset, in list order, with a fingerprint of their file names that a saved
 * stream position is checked against (file names only, so that a dataset moved to another folder
 * still resumes).
 */
record ShardList(List<Path> paths, int fingerprint) {

    static ShardList of(List<Path> paths) {
        int hash = 1;
        for (Path path : paths) {
            Path name = path.getFileName();
            hash = 31 * hash + (name == null ? path.toString() : name.toString()).hashCode();
        }
        return new ShardList(List.copyOf(paths), hash);
    }

    int size() {
        return paths.size();
    }

    Path path(int shard) {
        return paths.get(shard);
    }

    /** The shard's name in messages: its path as listed. */
    String name(int shard) {
        return paths.get(shard).toString();
    }
}
