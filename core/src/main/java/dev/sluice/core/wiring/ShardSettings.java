package dev.sluice.core.wiring;

import dev.sluice.api.Options;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code dataset} section when it names {@code shards}.
 *
 * @param shards the shard files, expanded from the patterns, absolute
 * @param format the label-format id reading the label member
 * @param labelMember the extension of the member holding the labels, or null for unlabelled samples
 * @param imageMembers the extensions an image member may have, in order of preference
 * @param shuffleBuffer the shuffle buffer's capacity when {@code loader.shuffle} is true
 * @param formatOptions the remaining keys, passed to the label format's factory
 */
record ShardSettings(List<Path> shards, String format, String labelMember, List<String> imageMembers,
        int shuffleBuffer, Options formatOptions) {
}
