package dev.sluice.plugins.opencv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Copies native libraries out of their jars into a folder that outlives the JVM, once per build, so
 * that later starts load the copy instead of extracting tens of megabytes again. Any number of
 * threads and JVMs may share the folder: a copy is written under a temporary name and renamed into
 * place atomically, so the final name only ever holds a complete file.
 */
final class NativeLibraryCache {
    private final Path root;

    /** A cache in {@code root}, which need not exist yet. */
    NativeLibraryCache(Path root) {
        this.root = root;
    }

    /**
     * The copy of {@code library} in this cache, at {@code root/<release>-<CRC-32>/<fileName>} so that
     * builds never mix; written first when it is missing or when its size or CRC-32 differ from the
     * library's (a truncated or damaged copy is replaced).
     *
     * @throws IOException naming the path and the reason when the cache cannot be read or written
     */
    Path copyOf(BundledLibrary library) throws IOException {
        Path folder = root.resolve(library.release() + "-" + String.format("%08x", library.crc32()));
        Path copy = folder.resolve(library.fileName());
        if (holds(copy, library)) {
            return copy;
        }
        Path partial;
        try {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, library.fileName() + ".", ".part");
        } catch (IOException e) {
            throw new IOException("cannot write in the cache folder " + folder + ": " + e, e);
        }
        try {
            write(library, partial);
            moveIntoPlace(partial, copy, library);
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
     * Reads the whole copy (about 20 ms for 65 MB from the page cache) rather than trusting its size:
     * copies are written without fsync, so after a power cut a complete-looking file can hold garbage,
     * and loading a damaged library can bring the whole JVM down.
     */
    private static boolean holds(Path copy, BundledLibrary library) throws IOException {
        if (!Files.isRegularFile(copy)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ)) {
            if (channel.size() != library.size()) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            CRC32 crc = new CRC32();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
            return crc.getValue() == library.crc32();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new IOException("cannot read the cached copy " + copy + ": " + e, e);
        }
    }

    private static void write(BundledLibrary library, Path partial) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = library.open(); OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new IOException("cannot copy " + library.resource() + " to " + partial + ": " + e, e);
        }
        if (size != library.size() || crc.getValue() != library.crc32()) {
            throw new IOException(library.resource() + " read as " + size + " bytes with CRC-32 "
                    + String.format("%08x", crc.getValue()) + ", but its jar lists " + library.size()
                    + " bytes with CRC-32 " + String.format("%08x", library.crc32()));
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
