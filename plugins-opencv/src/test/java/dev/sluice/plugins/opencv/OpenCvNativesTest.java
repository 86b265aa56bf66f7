package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.spi.Availability;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

/**
 * How the opencv providers load the native library. A library loads once per JVM, so the real loads
 * happen in JVMs of their own, running {@link OpenCvStartup}.
 */
class OpenCvNativesTest {

    @TempDir
    Path folder;

    @Test
    void theSecondStartLoadsTheCopyTheFirstLeftInTheCache() throws Exception {
        Path cache = folder.resolve("cache");
        Startup cold = start(cache);
        assertTrue(cold.out().startsWith("opencv available "), cold::toString);
        List<Path> files = filesUnder(cache);
        assertEquals(2, files.size(), files::toString);
        Path copy = files.get(0);
        assertEquals(List.of(copy, VerifiedCopy.recordOf(copy)), files);
        assertEquals(String.format("%s-%08x", OpenCvBinaries.current().release(), OpenCvBinaries.current().crc32()),
                copy.getParent().getFileName().toString());
        FileTime written = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
        Files.setLastModifiedTime(copy, written);
        Object file = Files.readAttributes(copy, BasicFileAttributes.class).fileKey();

        Startup warm = start(cache);

        assertTrue(warm.out().startsWith("opencv available "), warm::toString);
        assertEquals("", warm.err());
        assertEquals(List.of(copy, VerifiedCopy.recordOf(copy)), filesUnder(cache));
        assertEquals(written, Files.getLastModifiedTime(copy));
        assertEquals(file, Files.readAttributes(copy, BasicFileAttributes.class).fileKey());
    }

    @Test
    void aCacheThatCannotBeWrittenFallsBackToATemporaryFolderAndSaysWhy() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("cache"), "a file where the cache should be");

        Startup fallback = start(notAFolder);

        assertTrue(fallback.out().startsWith("opencv available "), fallback::toString);
        assertTrue(fallback.err().contains("OpenCV's native library could not come from the cache: java.io.IOException: "
                + "cannot write in the cache folder " + notAFolder.resolve(OpenCvBinaries.current().release())), fallback::toString);
        assertTrue(fallback.err().contains("; extracting it to a temporary folder instead, which is slower"), fallback::toString);
    }

    @Test
    void aCacheOthersCanWriteToIsNotLoadedFromAndTheWarningNamesItAndWhy() throws Exception {
        Path shared = Files.createDirectory(folder.resolve("shared-cache"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        Startup fallback = start(shared);

        assertTrue(fallback.out().startsWith("opencv available "), fallback::toString);
        assertTrue(fallback.err().contains("OpenCV's native library could not come from the cache: "
                + "java.nio.file.FileSystemException: " + shared + ": the cache folder is writable by its group and by "
                + "others (rwxrwxrwx)"), fallback::toString);
        assertTrue(fallback.err().contains("; extracting it to a temporary folder instead, which is slower"), fallback::toString);
        assertEquals(List.of(), filesUnder(shared), "nothing is written to a cache that is not private");
    }

    @Test
    void withOpenCvInAnotherClassLoaderTheLibraryIsLoadedByOpenCvsOwnLoader() throws Exception {
        String classPath = String.join(File.pathSeparator, location(Availability.class), location(Core.class),
                location(SplitLoaderStartup.class));

        Startup split = start(folder.resolve("cache"), "-cp", classPath, SplitLoaderStartup.class.getName(),
                location(OpenCvNatives.class));

        assertEquals("opencv available", split.out().strip(), split::toString);
        assertTrue(split.err().contains("could not come from the cache: java.io.IOException: org.openpnp:opencv ("),
                split::toString);
        assertTrue(split.err().contains(") are in different class loaders; extracting it to a temporary folder instead"),
                split::toString);
    }

    @Test
    void whenTheFallbackFailsTooTheReasonNamesBothFailures() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("cache"), "a file where the cache should be");
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // System.Logger writes through java.util.logging here; the handler keeps the warning off the console.
        Logger logger = Logger.getLogger(OpenCvNatives.class.getName());
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        Availability failed;
        try {
            failed = OpenCvNatives.load(() -> OpenCvNatives.loadCachedOrElse(Map.of("SLUICE_CACHE", notAFolder.toString()),
                    () -> {
                        throw new UnsatisfiedLinkError("/tmp/opencv_openpnp1/nu/pattern/opencv/linux/x86_64/"
                                + "libopencv_java490.so: failed to map segment from shared object");
                    }));
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
        }

        assertEquals(1, logged.size(), logged::toString);
        assertEquals(Level.WARNING, logged.get(0).getLevel());
        assertTrue(logged.get(0).getMessage().startsWith("OpenCV's native library could not come from the cache: "
                + "java.io.IOException: cannot write in the cache folder " + notAFolder.resolve(OpenCvBinaries.current().release())),
                logged.get(0)::getMessage);
        assertFalse(failed.available());
        assertTrue(failed.reason().contains("did not load: java.lang.UnsatisfiedLinkError: /tmp/opencv_openpnp1/"), failed::reason);
        assertTrue(failed.reason().contains("failed to map segment from shared object; before that, java.io.IOException: "
                + "cannot write in the cache folder " + notAFolder.resolve(OpenCvBinaries.current().release())), failed::reason);
        assertTrue(failed.reason().endsWith("Use the pure-Java backend instead: imageio (sluice-plugins-imageio)."), failed::reason);
    }

    private record Startup(int status, String out, String err) {
    }

    /** Runs {@link OpenCvStartup} in a new JVM with {@code SLUICE_CACHE} set to {@code cache}. */
    private Startup start(Path cache) throws IOException, InterruptedException {
        return start(cache, "-cp", System.getProperty("java.class.path"), OpenCvStartup.class.getName());
    }

    private Startup start(Path cache, String... arguments) throws IOException, InterruptedException {
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SLUICE_CACHE", cache.toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("OpenCvStartup did not finish within 60 s: " + Files.readString(err));
        }
        return new Startup(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
