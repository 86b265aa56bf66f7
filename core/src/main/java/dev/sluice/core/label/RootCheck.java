package dev.sluice.core.label;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides, from the text alone, whether an entry's path is usable and stays under the image root:
 * absolute paths and {@code ..} segments are resolved lexically with {@link Path#normalize()}, with
 * no file-system access, so that checking ten million entries costs no disk reads.
 */
final class RootCheck {
    private final Path root;
    private final Path absoluteRoot;
    private final boolean allowOutside;

    /**
     * @param root the image root as the user gave it (used in messages)
     * @param allowOutside whether paths may leave the root
     */
    RootCheck(Path root, boolean allowOutside) {
        this.root = root;
        this.absoluteRoot = root.toAbsolutePath().normalize();
        this.allowOutside = allowOutside;
    }

    /** The image root as the user gave it. */
    Path root() {
        return root;
    }

    /** Why {@code path} cannot be used, or empty when it can. */
    Optional<String> problemWith(String path) {
        if (!needsFullCheck(path)) {
            return Optional.empty();
        }
        Path resolved;
        try {
            resolved = absoluteRoot.resolve(Path.of(path)).normalize();
        } catch (InvalidPathException e) {
            return Optional.of("path '" + ProblemLog.shorten(path) + "' is not a valid path: " + e.getReason());
        }
        if (!allowOutside && !resolved.startsWith(absoluteRoot)) {
            return Optional.of("path '" + ProblemLog.shorten(path) + "' leaves the image root " + root
                    + "; set allow_outside_root to allow it");
        }
        return Optional.empty();
    }

    /**
     * A relative path without "..", control characters or the characters Windows refuses cannot leave
     * the root or be invalid, so the common case skips building a {@link Path}.
     */
    private static boolean needsFullCheck(String path) {
        int length = path.length();
        if (length == 0 || path.charAt(0) == '/') {
            return true;
        }
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c < 0x20 || ":\\<>|?*\"".indexOf(c) >= 0 || (c == '.' && previous == '.')) {
                return true;
            }
            previous = c;
        }
        return false;
    }
}
