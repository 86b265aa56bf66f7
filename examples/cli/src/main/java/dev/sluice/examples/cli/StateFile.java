package dev.sluice.examples.cli;

import dev.sluice.api.spi.AtomicFiles;
import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.spi.RegularFiles;
import dev.sluice.core.loader.LoaderState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The file of {@code sluice run --resume FILE}: one {@link LoaderState}, replaced atomically
 * (written to a temporary file in the same folder, forced to disk, then moved over the old one),
 * so that a crash at any moment leaves either the previous state or the new one, never half of one.
 */
final class StateFile {
    private final Path file;

    StateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path path() {
        return file;
    }

    /**
     * The saved state, or null when the file does not exist yet.
     *
     * @throws UsageException naming the file, and the field when there is one, when it is not a
     *         whole, valid loader state: not a regular file, not UTF-8 text, cut short, damaged or
     *         edited (see {@link LoaderState#decode})
     */
    LoaderState read() throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            requireFolder();
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(RegularFiles
                    .readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("--resume " + file + ": not a loader state: not UTF-8 text (binary data?)", e);
        } catch (FileSystemException e) {
            throw new UsageException("--resume " + MessageValues.shorten(file.toString()) + ": "
                    + MessageValues.reason(e) + "; give the state file's name", e);
        }
        try {
            return LoaderState.decode(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--resume " + file + ": " + e.getMessage(), e);
        }
    }

    /** Before the first batch, not at the first save 100 batches later: the folder to save in must exist. */
    private void requireFolder() {
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException("--resume " + MessageValues.shorten(file.toString()) + ": the folder "
                    + MessageValues.shorten(String.valueOf(folder)) + " does not exist; create it first");
        }
    }

    /** Replaces the file's content with {@code state}, atomically ({@link AtomicFiles}: never through a link). */
    synchronized void write(LoaderState state) throws IOException {
        AtomicFiles.write(file, state.encode().getBytes(StandardCharsets.UTF_8));
    }
}
