package dev.sluice.plugins.opencv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

/**
 * A record, beside a cached native library, that its bytes were found equal to the library's
 * (by SHA-256) and forced to the disk, with what identifies that file: size, device, inode and the
 * times of its last change. The file system moves the change time ({@code ctime}) on every write,
 * truncation, rename or change of attributes, and a user cannot set it, so a copy whose identity
 * still equals its record holds the bytes that were hashed; a later start then loads it without
 * reading its tens of megabytes again. Any difference (a truncated, rewritten, replaced or touched
 * copy, a record of another build's digest, a damaged or linked record) sends the caller back to
 * hashing the copy. File systems keep these times in coarse ticks (a few milliseconds), so a change
 * in the tick the record was written in could leave the change time as recorded: as git does with
 * its index, a record is trusted only when it was written in a later tick than the copy's last
 * change (its modification time after the copy's change time); a fresh copy's record usually is not,
 * and the next start hashes the copy once more and records it again. Where the file system does not
 * tell device, inode and change time (Windows), there is no record and every start hashes the copy.
 */
final class VerifiedCopy {
    /** The record's suffix after the copy's file name. */
    static final String SUFFIX = ".verified";
    /** Larger than any record; a larger file is not one. */
    private static final int MAX_RECORD = 512;
    private static final String IDENTITY = "unix:size,dev,ino,ctime,lastModifiedTime";

    private VerifiedCopy() {
    }

    /** Where the record of {@code copy} is kept. */
    static Path recordOf(Path copy) {
        return copy.resolveSibling(copy.getFileName() + SUFFIX);
    }

    /**
     * Whether {@code copy}'s record says it was verified as holding the bytes of SHA-256
     * {@code sha256} and it has not changed since; false when there is no record, no identity to
     * compare, or any difference.
     */
    static boolean recorded(Path copy, String sha256) {
        Path record = recordOf(copy);
        try {
            FileTime changed = (FileTime) Files.getAttribute(copy, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            FileTime written = Files.getLastModifiedTime(record, LinkOption.NOFOLLOW_LINKS);
            if (written.compareTo(changed) <= 0) {
                return false;
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException noTimes) {
            return false;
        }
        Optional<String> identity = identity(copy);
        Optional<String> text = read(record);
        return identity.isPresent() && text.isPresent() && text.get().equals(line(sha256, identity.get()));
    }

    /**
     * The identity of {@code copy} as a record would hold it (not following links), or empty where
     * the file system does not tell it or the file is gone.
     */
    static Optional<String> identity(Path copy) {
        try {
            Map<String, Object> attributes = Files.readAttributes(copy, IDENTITY, LinkOption.NOFOLLOW_LINKS);
            return Optional.of("size=" + attributes.get("size") + " dev=" + attributes.get("dev") + " ino="
                    + attributes.get("ino") + " ctime=" + attributes.get("ctime") + " mtime="
                    + attributes.get("lastModifiedTime"));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException noIdentity) {
            return Optional.empty();
        }
    }

    /**
     * Writes the record that the copy with identity {@code identity} holds the bytes of SHA-256
     * {@code sha256}: under a temporary name in the copy's folder, forced to the disk, then renamed
     * over any earlier record, so that a record is always whole. The caller has forced the copy's
     * bytes first, so a record never outlives them in a crash.
     */
    static void record(Path copy, String sha256, String identity) throws IOException {
        Path record = recordOf(copy);
        Path partial = Files.createTempFile(copy.getParent(), record.getFileName() + ".", ".part");
        try {
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer text = ByteBuffer.wrap(line(sha256, identity).getBytes(StandardCharsets.US_ASCII));
                while (text.hasRemaining()) {
                    out.write(text);
                }
                out.force(true);
            }
            Files.move(partial, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String line(String sha256, String identity) {
        return "sha256=" + sha256 + " " + identity + "\n";
    }

    /**
     * The record's text; empty when it is missing, not a regular file (a link, or a pipe that would
     * block the read), too long or unreadable.
     */
    private static Optional<String> read(Path record) {
        if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (FileChannel in = FileChannel.open(record, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (in.size() > MAX_RECORD) {
                return Optional.empty();
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) in.size());
            while (bytes.hasRemaining() && in.read(bytes) >= 0) {
                // Reads until full or at its end.
            }
            return Optional.of(new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
