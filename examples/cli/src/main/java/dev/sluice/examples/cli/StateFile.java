package dev.sluice.examples.cli;

import dev.sluice.core.loader.LoaderState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file of {@code sluice run --resume FILE}: one {@link LoaderState}, replaced atomically
 * (written to a temporary file in the same folder, forced to disk, then moved over the old one),
 * so that a crash at any moment leaves either the previous state or the new one, never half of one.
 */
final class StateFile {
    /** Larger than any state: a worker stream's position holds at most its shuffle buffer's entries. */
    private static final long MAX_BYTES = 64L << 20;

    private final Path file;

    /**
     * @throws UsageException when the folder the file is to be written in does not exist, so that a
     *         run does not find out at its first save
     */
    StateFile(Path file) {
        this.file = file.toAbsolutePath();
        Path folder = this.file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException("--resume " + this.file + ": the folder " + folder + " does not exist; create it "
                    + "first, the state is written there as the run goes");
        }
    }

    Path path() {
        return file;
    }

    /**
     * The saved state, or null when the file does not exist yet.
     *
     * @throws UsageException naming the file, and the field when there is one, when it is not a
     *         whole, valid loader state: not a regular file, too large, not UTF-8 text, cut short,
     *         damaged or edited (see {@link LoaderState#decode})
     */
    LoaderState read() throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("--resume " + file + ": not a regular file; give the file the state is kept in");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new UsageException("--resume " + file + ": " + size + " bytes, more than a loader state's "
                    + MAX_BYTES + "; not a state Sluice wrote");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("--resume " + file + ": not a loader state: not UTF-8 text (binary data?)", e);
        }
        try {
            return LoaderState.decode(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--resume " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file's content with {@code state}, atomically. */
    synchronized void write(LoaderState state) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(state.encode().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
