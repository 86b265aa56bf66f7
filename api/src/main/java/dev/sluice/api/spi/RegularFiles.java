package dev.sluice.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opening the files a dataset, a configuration or a command line names, which may be hostile: only
 * regular files are read. A folder, a FIFO (whose open would wait for a writer for ever), a device
 * ({@code /dev/zero} would be read without end) or a socket is refused before it is opened, with a
 * {@link FileSystemException} whose message is {@code "<file>: is a FIFO, not a regular file"}.
 *
 * <p>Links are followed here; whether a link may leave a data root is the caller's decision, made
 * on the real path first. Between the check and the open the file could still be replaced by a
 * FIFO; the JDK offers no non-blocking open to close that window.
 *
 * <pre>{@code
 * try (InputStream in = RegularFiles.newInputStream(labels)) { ... }
 * }</pre>
 */
public final class RegularFiles {
    /** The largest file {@link #readAllBytes} reads: the largest Java array. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private RegularFiles() {
    }

    /**
     * Checks that {@code file} is a regular file (following links) and returns its size in bytes.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws FileSystemException naming the file and what it is when it is not a regular file
     * @throws IOException if its attributes cannot be read
     */
    public static long requireRegular(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new FileSystemException(MessageValues.shorten(file.toString()), null,
                    "is " + kind(file, attributes) + ", not a regular file");
        }
        return attributes.size();
    }

    /** A stream over a regular file, checked with {@link #requireRegular} before it is opened. */
    public static InputStream newInputStream(Path file) throws IOException {
        requireRegular(file);
        return Files.newInputStream(file);
    }

    /**
     * The bytes of a regular file, checked with {@link #requireRegular} before it is opened.
     *
     * @throws FileSystemException also when the file is larger than a Java array can hold
     */
    public static byte[] readAllBytes(Path file) throws IOException {
        long size = requireRegular(file);
        if (size > MAX_ARRAY) {
            throw new FileSystemException(MessageValues.shorten(file.toString()), null, "is " + size
                    + " bytes, more than the " + MAX_ARRAY + " a file read whole may have");
        }
        return Files.readAllBytes(file);
    }

    /** "a directory", "a FIFO", "a character device", ...: what a file that is not regular is. */
    private static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            // The "unix" view (Linux, macOS) tells the kinds of special file apart; elsewhere the generic answer.
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            String name = switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> null;
            };
            if (name != null) {
                return name;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // fall through to the generic answer
        }
        return "a special file (a FIFO, device or socket)";
    }
}
