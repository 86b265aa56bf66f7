package dev.sluice.examples.cli;

import dev.sluice.core.loader.LoaderState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file of {@code sluice run --resume FILE}: one {@link LoaderState} line, replaced atomically
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
     * @throws UsageException naming the file when it holds no loader state
     */
    LoaderState read() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return LoaderState.decode(Files.readString(file, StandardCharsets.UTF_8));
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
