package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoder and encoder convert colours on the calling thread ({@link ColorConversions}): OpenCV's
 * thread pool, which a whole-image {@code cvtColor} starts and which then polls beside the loader's
 * workers, is never started by them. Run in a JVM of its own ({@link ThreadCensus}), as the pool
 * lives as long as the process.
 */
class OpenCvThreadsTest {

    @TempDir
    Path folder;

    @Test
    void decodingAndEncodingStartNoOpenCvThread() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "threads are counted from /proc/self/task (Linux)");
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ThreadCensus.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("ThreadCensus did not finish within 60 s: " + Files.readString(err));
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals(0, process.exitValue(), () -> lines + " " + readQuietly(err));
        assumeTrue(!lines.equals(List.of("unavailable")), "OpenCV's native library did not load");
        // The census can see a pool thread: one whole-image cvtColor starts one, unless OpenCV has no pool
        // here (one CPU), where there is nothing to check.
        assumeTrue(lines.get(1).equals("whole 2"), () -> "OpenCV started no thread pool on this machine: " + lines);
        assertEquals("decoded 1", lines.get(0), lines::toString);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
