package dev.sluice.plugins.opencv;

import dev.sluice.api.spi.Availability;
import nu.pattern.OpenCV;
import org.opencv.core.Core;

/**
 * Loads OpenCV's native library once per class loader, from inside the org.openpnp:opencv jar (it
 * holds builds for Linux, macOS and Windows on x86-64 and ARM), and remembers whether that worked
 * and, if not, why.
 */
final class OpenCvNatives {
    private static Availability availability;

    private OpenCvNatives() {
    }

    /** Loads the library on the first call; later calls return the first answer. Thread-safe. */
    static synchronized Availability availability() {
        if (availability == null) {
            availability = load(OpenCV::loadLocally);
        }
        return availability;
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
        return text.toString();
    }
}
