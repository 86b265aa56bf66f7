package dev.sluice.plugins.opencv;

import dev.sluice.api.spi.Availability;
import java.lang.management.ManagementFactory;

/**
 * Not a test: loads OpenCV as the {@code opencv} providers do and prints how long after the JVM
 * started the answer came, for the start-up figures of the native-library cache. It needs a JVM of
 * its own (a library loads once per JVM), so run it with {@code java}, with {@code SLUICE_CACHE}
 * naming an empty folder for a cold start and the same folder again for a warm one:
 *
 * <pre>{@code
 * mvn -o -q -pl api,plugins-opencv test-compile
 * SLUICE_CACHE=/tmp/sluice-cache java -cp plugins-opencv/target/classes:plugins-opencv/target/test-classes:\
 * api/target/classes:$HOME/.m2/repository/org/openpnp/opencv/4.9.0-0/opencv-4.9.0-0.jar \
 *     dev.sluice.plugins.opencv.OpenCvStartup
 * }</pre>
 *
 * Prints {@code opencv available N ms after the JVM started (availability() took M ms)}, or the
 * reason it is unavailable and exits with status 1. {@code OpenCvNativesTest} runs it too.
 */
final class OpenCvStartup {
    private OpenCvStartup() {
    }

    public static void main(String[] args) {
        long asked = System.nanoTime();
        Availability availability = new OpenCvDecoderProvider().availability();
        long answered = System.nanoTime();
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!availability.available()) {
            System.out.println("opencv unavailable: " + availability.reason());
            System.exit(1);
        }
        System.out.println("opencv available " + sinceStart + " ms after the JVM started (availability() took "
                + (answered - asked) / 1_000_000 + " ms)");
    }
}
