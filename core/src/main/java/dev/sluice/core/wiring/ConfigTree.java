package dev.sluice.core.wiring;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A configuration as read: nested maps, lists and scalars, the line each key path was written on,
 * the source's name and the folder relative paths resolve against.
 */
final class ConfigTree {
    private final String source;
    private final Path baseDir;
    private final Map<String, Object> root;
    private final Map<String, Integer> lines;
    private final Set<String> overridden = new HashSet<>();

    ConfigTree(String source, Path baseDir, Map<String, Object> root, Map<String, Integer> lines) {
        this.source = source;
        this.baseDir = baseDir;
        this.root = root;
        this.lines = lines;
    }

    String source() {
        return source;
    }

    Path baseDir() {
        return baseDir;
    }

    Map<String, Object> root() {
        return root;
    }

    /** Records that {@code keyPath} was set on the command line, so messages do not send users to the file. */
    void markOverridden(String keyPath) {
        overridden.add(keyPath);
    }

    /**
     * The line of {@code keyPath}, or of its nearest ancestor that has one; 0 when none does or when
     * the key was set on the command line.
     */
    int line(String keyPath) {
        String path = keyPath;
        while (!path.isEmpty()) {
            if (overridden.contains(path)) {
                return 0;
            }
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        return 0;
    }

    /** {@code "sluice.yaml:4"}, for messages that name a place rather than a key. */
    String where(String keyPath) {
        int line = line(keyPath);
        return line > 0 ? source + ":" + line : source + " " + keyPath;
    }

    ConfigException error(String keyPath, String reason) {
        return error(keyPath, reason, null);
    }

    ConfigException error(String keyPath, String reason, Throwable cause) {
        return new ConfigException(source, keyPath, reason + (isOverridden(keyPath) ? " (set with --set)" : ""),
                line(keyPath), cause);
    }

    /** The same problem, placed at its key's line in this file. */
    ConfigException error(OptionsException e) {
        return error(e.keyPath(), e.reason(), e);
    }

    private boolean isOverridden(String keyPath) {
        for (String path : overridden) {
            if (keyPath.equals(path) || keyPath.startsWith(path + ".") || keyPath.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }

    /** The section {@code name} of the top level as options (empty when absent). */
    Options section(String name) {
        Object value = root.get(name);
        if (value == null) {
            return Options.of(name, Map.of());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error(name, "must be a map of options, was " + value);
        }
        return options(name, map);
    }

    /** A map read from this file as options at {@code path}; a key without a value is an error. */
    Options options(String path, Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, entry) -> {
            String keyPath = path + "." + key;
            if (entry == null) {
                throw error(keyPath, "has no value");
            }
            copy.put(String.valueOf(key), entry);
        });
        return Options.of(path, copy);
    }
}
