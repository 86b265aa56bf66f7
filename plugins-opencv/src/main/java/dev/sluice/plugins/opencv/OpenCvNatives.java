package dev.sluice.plugins.opencv;

import dev.sluice.api.spi.Availability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import nu.pattern.OpenCV;
import org.opencv.core.Core;

/**
 * Loads OpenCV's native library once per class loader, from the org.openpnp:opencv jar (it holds
 * builds for Linux, macOS and Windows on x86-64 and ARM) through a per-user cache, and remembers
 * whether that worked and, if not, why.
 */
final class OpenCvNatives {
    private static final System.Logger LOG = System.getLogger(OpenCvNatives.class.getName());
    private static Availability availability;

    private OpenCvNatives() {
    }

    /** Loads the library on the first call; later calls return the first answer. Thread-safe. */
    static synchronized Availability availability() {
        if (availability == null) {
            availability = load(() -> loadCachedOrElse(System.getenv(), OpenCV::loadLocally));
        }
        return availability;
    }

    /**
     * Loads the library from the cache that {@code environment} names (see {@link CacheFolders}),
     * copying it there from the jar first when it is missing or differs. When the cache cannot serve
     * it (no home folder, a read-only or full disk, a platform the jar has no library for, a copy that
     * does not load), logs why and runs {@code fallback}, which extracts it to a new temporary folder
     * as at every start before; if that fails too, its error carries the cache's as suppressed.
     */
    static void loadCachedOrElse(Map<String, String> environment, Runnable fallback) {
        try {
            System.load(cachedCopy(environment).toString());
        } catch (IOException | UnsatisfiedLinkError cacheFailure) {
            LOG.log(System.Logger.Level.WARNING, () -> "OpenCV's native library could not come from the cache: "
                    + cacheFailure + "; extracting it to a temporary folder instead, which is slower");
            try {
                fallback.run();
            } catch (LinkageError | RuntimeException e) {
                e.addSuppressed(cacheFailure);
                throw e;
            }
        }
    }

    private static Path cachedCopy(Map<String, String> environment) throws IOException {
        // JNI looks a class's native methods up in the libraries its own class loader loaded, and
        // System.load loads into the caller's: from here, only org.opencv classes beside us see it.
        if (Core.class.getClassLoader() != OpenCvNatives.class.getClassLoader()) {
            throw new IOException("org.openpnp:opencv (" + Core.class.getClassLoader() + ") and sluice-plugins-opencv ("
                    + OpenCvNatives.class.getClassLoader() + ") are in different class loaders");
        }
        Path root = CacheFolders.sluice(environment, System.getProperty("os.name"), System.getProperty("user.home"));
        return new NativeLibraryCache(root).copyOf(OpenCvBinaries.current());
    }

    /**
     * Runs {@code loader} and checks that a native method answers afterwards. Whatever fails becomes
     * the reason, with the hint to use the pure-Java backend: a machine without a working native
     * library is a configuration to report, not a crash.
     */
    static Availability load(Runnable loader) {
        try {
            loader.run();
            Core.getVersionString();
            return Availability.AVAILABLE;
        } catch (LinkageError | RuntimeException e) {
            return Availability.unavailable("OpenCV's native library (libopencv_java490 from org.openpnp:opencv "
                    + "for " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ") did not load: "
                    + describe(e) + ". Use the pure-Java backend instead: imageio (sluice-plugins-imageio).");
        }
    }

    /** Throws when OpenCV is unavailable, with the reason; called by the providers' factories. */
    static void requireAvailable(String what) {
        Availability known = availability();
        if (!known.available()) {
            throw new IllegalStateException("the opencv " + what + " is unavailable: " + known.reason());
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        for (Throwable earlier : e.getSuppressed()) {
            text.append("; before that, ").append(earlier);
        }
        return text.toString();
    }
}
