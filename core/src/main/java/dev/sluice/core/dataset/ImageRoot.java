package dev.sluice.core.dataset;

import dev.sluice.api.spi.MessageValues;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder a dataset's image paths are relative to, and the one place that turns an entry's path
 * into the file to read. The label index has checked the path's text (no {@code ..} or absolute
 * path out of the root); here, just before the file is read, its real path is checked against the
 * root's real path, so that a symbolic link inside the root (to a file, or a folder on the way)
 * cannot lead out of it, unless {@code allow_outside_root} says links may be followed anywhere.
 *
 * <p>Resolving the real path costs one {@code lstat} per path segment, a few microseconds beside
 * the decoding. Between the check and the read a folder on the way could still be swapped for a
 * link; the JDK offers no {@code openat} with {@code O_NOFOLLOW} per segment to close that window.
 */
public final class ImageRoot {
    private final Path root;
    private final Path realRoot;
    private final boolean allowOutside;

    /**
     * @param root the image folder
     * @param allowOutside whether files may lie outside it (through links or, as the label index
     *        allows, paths): then no real path is checked
     * @throws NullPointerException if {@code root} is null
     */
    public ImageRoot(Path root, boolean allowOutside) {
        this.root = Objects.requireNonNull(root, "root");
        this.allowOutside = allowOutside;
        this.realRoot = realPathOf(root);
    }

    private static Path realPathOf(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            // A missing root: every file under it is missing too, and the read says so.
            return root.toAbsolutePath().normalize();
        }
    }

    /** The image folder, as given. */
    public Path path() {
        return root;
    }

    /** Whether files may lie outside the root. */
    public boolean allowsOutside() {
        return allowOutside;
    }

    /**
     * The file of an entry's path, as shown in messages: the root resolved with it.
     *
     * @throws SampleLoadException naming {@code sample} when the path is not a valid path
     */
    public Path file(long sample, String entryPath) {
        try {
            return root.resolve(entryPath);
        } catch (InvalidPathException e) {
            throw new SampleLoadException(sample, MessageValues.shorten(entryPath), "not a valid path: "
                    + e.getReason(), e);
        }
    }

    /**
     * The path to read {@code file} (from {@link #file}) through: its real path, checked to lie under
     * the real root; {@code file} itself when it does not exist (the reader then says so) or when
     * links may lead anywhere.
     *
     * @throws SampleLoadException naming {@code sample} and the file when a link leads out of the root
     */
    public Path readable(long sample, Path file) {
        if (allowOutside) {
            return file;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return file;
        } catch (IOException e) {
            throw new SampleLoadException(sample, file.toString(), "cannot be resolved: " + MessageValues.reason(e), e);
        }
        if (!real.startsWith(realRoot)) {
            throw new SampleLoadException(sample, file.toString(), "a symbolic link leads outside the image root "
                    + MessageValues.shorten(root.toString()) + "; set dataset.allow_outside_root: true to follow "
                    + "links out of it", null);
        }
        return real;
    }
}
