package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Files that are not regular files, made for real, for the tests of "regular files only": a FIFO
 * made with {@code mkfifo}, and the devices every Unix has. Where the system lacks them the test is
 * skipped, saying why.
 */
public final class SpecialFiles {
    /** {@code /dev/zero}: reads as zero bytes for ever. */
    public static final Path ZERO = Path.of("/dev/zero");
    /** {@code /dev/full}: every write fails with "No space left on device". */
    public static final Path FULL = Path.of("/dev/full");

    private SpecialFiles() {
    }

    /**
     * A new FIFO at {@code file}, made with {@code mkfifo}; skips the test when there is no
     * {@code mkfifo} (Windows). Opening it for reading would wait for a writer for ever.
     */
    public static Path fifo(Path file) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this system to make a FIFO with: " + e.getMessage());
            throw e;
        }
        assumeTrue(process.waitFor(30, TimeUnit.SECONDS), "mkfifo did not finish");
        assumeTrue(process.exitValue() == 0 && Files.exists(file), "mkfifo could not make " + file + ": "
                + new String(process.getInputStream().readAllBytes()));
        return file;
    }

    /** {@code device}, when this system has it; skips the test otherwise. */
    public static Path device(Path device) {
        assumeTrue(Files.exists(device) && !Files.isRegularFile(device), device + " does not exist on this system");
        return device;
    }
}
