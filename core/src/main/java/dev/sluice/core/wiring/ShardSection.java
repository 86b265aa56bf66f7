package dev.sluice.core.wiring;

import dev.sluice.api.Options;
import dev.sluice.core.shard.ShardDataset;
import dev.sluice.core.shard.ShardDatasetBuilder;
import dev.sluice.core.shard.Shards;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code dataset} section that names {@code shards}; every error names its key and line. */
final class ShardSection {
    private static final List<String> FILE_KEYS = List.of("labels", "root", "repeat", "allow_outside_root");

    private ShardSection() {
    }

    static ShardSettings read(ConfigTree tree, Options options, Set<String> shardKeys) {
        for (String key : FILE_KEYS) {
            if (options.has(key)) {
                throw tree.error("dataset." + key, "is not used with dataset.shards: a shard holds its samples' images "
                        + "and labels");
            }
        }
        List<Path> shards = shards(tree, options.raw("shards"));
        String labelMember = options.getString("label_member", "cls").toLowerCase(Locale.ROOT);
        if (labelMember.isBlank() || labelMember.startsWith(".")) {
            throw tree.error("dataset.label_member", "must be an extension such as cls or json (without the dot), or "
                    + "none; was '" + labelMember + "'");
        }
        String format = options.getString("format", labelMember.endsWith("json") ? "json" : "txt");
        List<String> imageMembers = imageMembers(tree, options.raw("image_members"));
        long shuffleBuffer = options.getLong("shuffle_buffer", 1000);
        if (shuffleBuffer < 1 || shuffleBuffer > ShardDatasetBuilder.MAX_SHUFFLE_BUFFER) {
            throw tree.error("dataset.shuffle_buffer", "must be from 1 to " + ShardDatasetBuilder.MAX_SHUFFLE_BUFFER
                    + " samples, was " + shuffleBuffer);
        }
        return new ShardSettings(shards, format, labelMember.equals("none") ? null : labelMember, imageMembers,
                (int) shuffleBuffer, SluiceConfig.rest(options, shardKeys));
    }

    private static List<Path> shards(ConfigTree tree, Object value) {
        List<String> patterns = new ArrayList<>();
        if (value instanceof String pattern) {
            patterns.add(pattern);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String pattern)) {
                    throw tree.error("dataset.shards[" + i + "]", "must be a shard name or pattern, was " + list.get(i));
                }
                patterns.add(pattern);
            }
        } else {
            throw tree.error("dataset.shards", "must be a shard pattern such as 'train-{0000..0127}.tar' or "
                    + "'shards/*.tar', or a list of them; was " + value);
        }
        List<Path> shards;
        try {
            shards = Shards.expand(tree.baseDir(), patterns);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw tree.error("dataset.shards", e.getMessage(), e);
        }
        Set<Path> seen = new HashSet<>();
        for (Path shard : shards) {
            if (!seen.add(shard)) {
                throw tree.error("dataset.shards", shard + " is named twice; each shard is read once an epoch");
            }
        }
        Optional<String> unreadable = Shards.unreadable(shards, 3);
        if (unreadable.isPresent()) {
            throw tree.error("dataset.shards", unreadable.get());
        }
        return shards;
    }

    private static List<String> imageMembers(ConfigTree tree, Object value) {
        if (value == null) {
            return ShardDataset.IMAGE_EXTENSIONS;
        }
        List<?> list = value instanceof List<?> many ? many : List.of(value);
        List<String> extensions = new ArrayList<>();
        for (Object extension : list) {
            if (!(extension instanceof String text) || text.isBlank() || text.startsWith(".")) {
                throw tree.error("dataset.image_members", "must be image extensions such as [jpg, png] (without "
                        + "dots), was " + value);
            }
            extensions.add(text.toLowerCase(Locale.ROOT));
        }
        if (extensions.isEmpty()) {
            throw tree.error("dataset.image_members", "must name at least one image extension");
        }
        return List.copyOf(extensions);
    }
}
