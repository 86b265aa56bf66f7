package dev.sluice.plugins.opencv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Copies native libraries out of their jars into a folder that outlives the JVM, once per build, so
 * that later starts load the copy instead of extracting tens of megabytes again. Any number of
 * threads and JVMs may share the folder: a copy is written under a temporary name and renamed into
 * place atomically, so the final name only ever holds a complete file.
 *
 * <p>What is loaded runs as the user, so the cache is trusted only when nobody else can write to
 * it: the cache folder and the build's folder in it are created private (0700), and an existing one
 * owned by another user, or writable by its group or by others, is refused ({@link CacheTrust}).
 * A copy is loaded only when it is a regular file (not a link) whose SHA-256 equals that of the
 * library in the jar; otherwise it is written again. Hashing a 65 MB copy costs 0.1 to 0.3 s of CPU
 * at every start, so a copy found good is forced to the disk and recorded with its identity
 * ({@link VerifiedCopy}); a later start that finds the same file unchanged since loads it without
 * reading it (BENCHMARKS.md, "Issue 14, eighth round").
 */
final class NativeLibraryCache {
    private final Path root;

    /** A cache in {@code root}, which need not exist yet. */
    NativeLibraryCache(Path root) {
        this.root = root;
    }

    /**
     * The copy of {@code library} in this cache, at {@code root/<release>-<CRC-32>/<fileName>} so that
     * builds never mix; written first when it is missing or when its SHA-256 differs from the
     * library's (a truncated, damaged or patched copy is replaced).
     *
     * @throws IOException naming the path and the reason when the cache cannot be read or written, or
     *         is not private to the user
     */
    Path copyOf(BundledLibrary library) throws IOException {
        Path folder = root.resolve(library.release() + "-" + String.format("%08x", library.crc32()));
        Path copy = folder.resolve(library.fileName());
        Path partial;
        if (Files.isDirectory(root)) {
            // Before anything is created in it: a cache others can write to is not used at all.
            CacheTrust.requirePrivate(root);
        }
        try {
            CacheTrust.createPrivate(folder);
        } catch (IOException e) {
            throw new IOException("cannot write in the cache folder " + folder + ": " + e, e);
        }
        CacheTrust.requirePrivate(root);
        CacheTrust.requirePrivate(folder);
        if (holds(copy, library)) {
            return copy;
        }
        try {
            partial = Files.createTempFile(folder, library.fileName() + ".", ".part");
        } catch (IOException e) {
            throw new IOException("cannot write in the cache folder " + folder + ": " + e, e);
        }
        try {
            write(library, partial);
            moveIntoPlace(partial, copy, library);
            recordIfUnchanged(copy, library, VerifiedCopy.identity(copy));
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return copy;
    }

    /**
     * Whether {@code copy} holds the library's bytes: by its record, when the copy has not changed
     * since it was verified; otherwise by reading the whole copy (about 0.1 s for 65 MB from the page
     * cache) rather than trusting its size: after a power cut a complete-looking file can hold
     * garbage, loading a damaged library can bring the whole JVM down, and a patched one runs as the
     * user. A copy found good that way is forced to the disk and recorded for the next start.
     */
    private static boolean holds(Path copy, BundledLibrary library) throws IOException {
        if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (VerifiedCopy.recorded(copy, library.sha256())) {
            return true;
        }
        Optional<String> before = VerifiedCopy.identity(copy);
        boolean forced;
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (channel.size() != library.size()) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            MessageDigest sha256 = NativeDigests.sha256();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                sha256.update(buffer);
                buffer.clear();
            }
            if (!NativeDigests.hex(sha256).equals(library.sha256())) {
                return false;
            }
            // Only where a record can be made: Windows refuses to flush a file opened for reading.
            forced = before.isPresent() && forced(channel);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new IOException("cannot read the cached copy " + copy + ": " + e, e);
        }
        // Recorded only when its bytes are on the disk and nothing changed the file while it was read.
        if (forced) {
            recordIfUnchanged(copy, library, before);
        }
        return true;
    }

    /** Forces the file's bytes to the disk; false when the system refuses. */
    private static boolean forced(FileChannel channel) {
        try {
            channel.force(true);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /**
     * Records {@code copy} as verified ({@link VerifiedCopy}) when its identity is still
     * {@code known}; a record that cannot be written (a read-only or full disk) costs the next start
     * a hash, nothing more.
     */
    private static void recordIfUnchanged(Path copy, BundledLibrary library, Optional<String> known) {
        Optional<String> now = VerifiedCopy.identity(copy);
        if (known.isEmpty() || !known.equals(now)) {
            return;
        }
        try {
            VerifiedCopy.record(copy, library.sha256(), known.get());
        } catch (IOException notRecorded) {
            // The copy itself is good; the next start hashes it again.
        }
    }

    private static void write(BundledLibrary library, Path partial) throws IOException {
        CRC32 crc = new CRC32();
        MessageDigest sha256 = NativeDigests.sha256();
        long size = 0;
        try (InputStream in = library.open();
                FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                OutputStream out = Channels.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
            // On the disk before its final name exists, so that a record made after the rename never
            // outlives the bytes in a crash.
            file.force(true);
        } catch (IOException e) {
            throw new IOException("cannot copy " + library.resource() + " to " + partial + ": " + e, e);
        }
        String digest = NativeDigests.hex(sha256);
        if (size != library.size() || crc.getValue() != library.crc32() || !digest.equals(library.sha256())) {
            throw new IOException(library.resource() + " read as " + size + " bytes with CRC-32 "
                    + String.format("%08x", crc.getValue()) + " and SHA-256 " + digest + ", but it was described as "
                    + library.size() + " bytes with CRC-32 " + String.format("%08x", library.crc32()) + " and SHA-256 "
                    + library.sha256());
        }
    }
    private static void moveIntoPlace(Path partial, Path copy, BundledLibrary library) throws IOException {
        try {
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Windows refuses to replace a library another process has loaded; if that process put a
            // good copy there, it is as good as ours.
            if (!holds(copy, library)) {
                throw new IOException("cannot move " + partial + " to " + copy + ": " + e, e);
            }
            Files.deleteIfExists(partial);
        }
    }
}
