package dev.sluice.plugins.turbojpeg;

import org.junit.jupiter.api.Assumptions;

/** Skips a test class of the system path, with the reason, where no system libturbojpeg loads. */
final class SystemLibraryAssumption {
    private SystemLibraryAssumption() {
    }

    static void require() {
        JpegLibraries.Loaded system = JpegLibraries.system();
        Assumptions.assumeTrue(system.ok(), () -> "skipped: the system path needs libturbojpeg, and "
                + system.failure() + " (Debian and Ubuntu: apt-get install libturbojpeg0)");
    }
}
