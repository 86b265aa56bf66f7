package dev.sluice.api.spi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Values quoted in error messages (paths, label text, option values), made safe to print: cut to a
 * length, with control characters and Unicode line separators written as escapes, so that a 10 MB
 * path gives a line of a few hundred characters and a message stays on one line.
 *
 * <pre>{@code
 * throw new DecodeException(MessageValues.shorten(path), "no such file");
 * }</pre>
 */
public final class MessageValues {
    /** The length {@link #shorten(String)} cuts to: room for any real path, far below a screenful. */
    public static final int LIMIT = 400;

    private MessageValues() {
    }

    /** {@code value} cut to {@link #LIMIT} characters, as {@link #shorten(String, int)} cuts. */
    public static String shorten(String value) {
        return shorten(value, LIMIT);
    }

    /**
     * {@code value} cut to {@code limit} characters (its first {@code limit - 3} and "..." when cut),
     * with tab, CR and LF written as {@code \t}, {@code \r}, {@code \n} and other control characters
     * and Unicode line separators as {@code \}{@code uXXXX}; {@code "null"} for null.
     *
     * @param limit at least 4
     * @throws IllegalArgumentException if {@code limit < 4}
     */
    public static String shorten(String value, int limit) {
        if (limit < 4) {
            throw new IllegalArgumentException("limit must be >= 4, was " + limit);
        }
        if (value == null) {
            return "null";
        }
        boolean cut = value.length() > limit;
        int kept = cut ? limit - 3 : value.length();
        StringBuilder out = new StringBuilder(kept + 8);
        for (int i = 0; i < kept; i++) {
            char c = value.charAt(i);
            if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return cut ? out.append("...").toString() : out.toString();
    }

    /**
     * What went wrong in an I/O failure, without the file it names: the operating system's reason
     * ({@code "No space left on device"}), or for the JDK's exceptions that carry none, what their
     * type means ({@code "no such file or folder"}, {@code "permission denied"}).
     */
    public static String reason(IOException failure) {
        if (failure instanceof FileSystemException named && named.getReason() != null) {
            return named.getReason();
        }
        if (failure instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "exists already";
        }
        if (failure instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (failure instanceof FileSystemException || failure.getMessage() == null) {
            return failure.getClass().getSimpleName();
        }
        return shorten(failure.getMessage());
    }
}
