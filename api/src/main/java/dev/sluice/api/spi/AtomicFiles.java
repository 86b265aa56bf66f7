package dev.sluice.api.spi;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writing output files without writing through a link and without leaving half a file: the content
 * goes to a new temporary file beside the target, created with {@code CREATE_NEW} and
 * {@code NOFOLLOW_LINKS} (so that no planted file or link is ever opened), is forced to disk, and
 * is then renamed over the target in one step. A link at the target's name is replaced, never
 * followed; a target that is a folder, a FIFO or a device is refused. On any failure the temporary
 * file is removed, the target keeps its old content (or stays absent), and the error names the
 * target: {@code "out/sheet.png: No space left on device"}.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("state.txt"), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
 * }</pre>
 */
public final class AtomicFiles {
    private static final int ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /** Writes what goes to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}; the stream is buffered and closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} with {@code bytes}, as {@link #write(Path, Content)} does. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Replaces {@code target} with what {@code content} writes: all of it or, on failure, nothing.
     * The target's folder must exist.
     *
     * @throws FileSystemException naming the target when it is a folder or a special file, its folder
     *         is missing, or the content cannot be written (a full disk, a read-only folder); the
     *         original failure is the cause
     * @throws IOException as {@code content} throws it, after removing the temporary file
     */
    public static void write(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath();
        requireReplaceable(file);
        Path temporary = createTemporary(file);
        boolean done = false;
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
            done = true;
        } catch (IOException e) {
            throw naming(target, e);
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw naming(target, e);
        }
    }

    /**
     * Opens a new file for writing that must not exist yet, not even as a link: for temporary names
     * such as a shard's {@code .part}, where an existing entry may be a planted link.
     *
     * @throws FileAlreadyExistsException naming the file when anything of that name exists
     */
    public static OutputStream createNew(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** Refuses a target that is, without following a link, a folder or a special file. */
    private static void requireReplaceable(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (attributes.isDirectory()) {
            throw new FileSystemException(MessageValues.shorten(file.toString()), null,
                    "is a directory; give a file name to write to");
        }
        if (attributes.isOther()) {
            throw new FileSystemException(MessageValues.shorten(file.toString()), null,
                    "is a special file (a FIFO, device or socket); give a regular file name to write to");
        }
    }

    private static Path createTemporary(Path file) throws IOException {
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new FileSystemException(MessageValues.shorten(file.toString()), null,
                    "its folder " + MessageValues.shorten(String.valueOf(folder)) + " does not exist");
        }
        String name = file.getFileName().toString();
        String stem = "." + (name.length() > 64 ? name.substring(0, 64) : name) + ".";
        for (int attempt = 0; ; attempt++) {
            Path temporary = folder.resolve(stem + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newByteChannel(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS).close();
                return temporary;
            } catch (FileAlreadyExistsException e) {
                if (attempt + 1 >= ATTEMPTS) {
                    throw naming(file, e);
                }
            } catch (IOException e) {
                throw naming(file, e);
            }
        }
    }

    /** {@code failure} as a {@link FileSystemException} naming {@code target}, unless it names it already. */
    private static IOException naming(Path target, IOException failure) {
        String shown = MessageValues.shorten(target.toString());
        String reason = MessageValues.reason(failure);
        if (failure instanceof FileSystemException named && named.getFile() != null) {
            if (named.getFile().equals(shown) && named.getReason() != null) {
                return failure;
            }
            if (!named.getFile().equals(target.toAbsolutePath().toString()) && !named.getFile().equals(target.toString())) {
                reason = "cannot write its temporary file beside it: " + reason;
            }
        }
        FileSystemException renamed = new FileSystemException(shown, null, reason);
        renamed.initCause(failure);
        return renamed;
    }
}
