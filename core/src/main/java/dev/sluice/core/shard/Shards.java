package dev.sluice.core.shard;

import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.spi.RegularFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns shard names as users write them into shard paths: brace patterns
 * ({@code train-{0000..0127}.tar}, {@code {train,extra}-{00..09}.tar}, as WebDataset and
 * {@code braceexpand} read them) and globs ({@code shards/*.tar}, {@code data/**}{@code /*.tar},
 * in {@link FileSystem#getPathMatcher glob} syntax). Braces are expanded first; a name that then
 * holds {@code *}, {@code ?} or {@code [} is a glob, matched against the files under its longest
 * literal folder and sorted by path; any other name is a path, resolved against the base folder
 * and not checked here.
 *
 * <pre>{@code
 * List<Path> shards = Shards.expand(Path.of("/data"), List.of("train-{0000..0127}.tar", "extra/*.tar"));
 * }</pre>
 */
public final class Shards {
    private Shards() {
    }

    /**
     * The shards {@code patterns} name, in order: each pattern's names in its own order, patterns in
     * the order given.
     *
     * @param base the folder relative names resolve against; its file system is the one searched
     * @param patterns brace patterns, globs or plain names
     * @throws IllegalArgumentException naming the pattern when it is malformed (an unmatched brace, a
     *         bad range, an invalid path) or a glob matches no file
     * @throws UncheckedIOException if a folder a glob searches cannot be listed
     */
    public static List<Path> expand(Path base, List<String> patterns) {
        Objects.requireNonNull(base, "base");
        List<Path> shards = new ArrayList<>();
        for (String pattern : patterns) {
            shards.addAll(expand(base, pattern));
        }
        return shards;
    }

    /** As {@link #expand(Path, List)} for one pattern. */
    public static List<Path> expand(Path base, String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("a shard pattern must not be blank");
        }
        List<Path> shards = new ArrayList<>();
        for (String name : BraceExpansion.expand(pattern)) {
            try {
                if (isGlob(name)) {
                    List<Path> matches = glob(base, name);
                    if (matches.isEmpty()) {
                        throw new IllegalArgumentException("'" + name + "' matches no file"
                                + (name.equals(pattern) ? "" : " (from '" + pattern + "')"));
                    }
                    shards.addAll(matches);
                } else {
                    shards.add(base.resolve(name).normalize());
                }
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("'" + name + "' is not a valid path: " + e.getReason(), e);
            }
        }
        return shards;
    }

    private static boolean isGlob(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    private static List<Path> glob(Path base, String name) {
        FileSystem fileSystem = base.getFileSystem();
        String separator = fileSystem.getSeparator();
        String normalised = separator.equals("/") ? name : name.replace(separator, "/");
        String[] segments = normalised.split("/", -1);
        int literal = 0;
        while (literal < segments.length - 1 && !isGlob(segments[literal])) {
            literal++;
        }
        Path root = base;
        for (int i = 0; i < literal; i++) {
            root = i == 0 && segments[0].isEmpty() ? fileSystem.getRootDirectories().iterator().next()
                    : root.resolve(segments[i]);
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(segments, literal, segments.length));
        boolean deep = rest.contains("**");
        int depth = deep ? Integer.MAX_VALUE : segments.length - literal;
        PathMatcher matcher = fileSystem.getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Path searched = root;
        try (Stream<Path> files = Files.walk(searched, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> matcher.matches(searched.relativize(file)))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + searched + " for '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * Why some of {@code shards} cannot be read, or empty when each is a regular file (links
     * followed): a folder, a FIFO or a device is named as such, never as missing. One sentence, such
     * as {@code "no such shard: a.tar"}, {@code "shard b.tar is a FIFO, not a regular file"} or
     * {@code "2 of 6 shards cannot be read: a.tar (no such file), b.tar (is a directory, not a regular file)"},
     * naming at most {@code shown} of them.
     */
    public static Optional<String> unreadable(List<Path> shards, int shown) {
        List<String> problems = new ArrayList<>();
        boolean allMissing = true;
        for (Path shard : shards) {
            try {
                RegularFiles.requireRegular(shard);
            } catch (NoSuchFileException e) {
                problems.add(shard + " (no such file)");
            } catch (IOException e) {
                allMissing = false;
                problems.add(shard + " (" + MessageValues.reason(e) + ")");
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        if (problems.size() == 1) {
            String problem = problems.get(0);
            int open = problem.lastIndexOf(" (");
            String shard = problem.substring(0, open);
            String reason = problem.substring(open + 2, problem.length() - 1);
            return Optional.of(allMissing ? "no such shard: " + shard : "shard " + shard + " " + reason);
        }
        String listed = String.join(", ", problems.subList(0, Math.min(shown, problems.size())))
                + (problems.size() > shown ? ", ..." : "");
        if (allMissing) {
            listed = listed.replace(" (no such file)", "");
        }
        return Optional.of(problems.size() + " of " + shards.size() + " shards " + (allMissing ? "do not exist: "
                : "cannot be read: ") + listed);
    }
}
