package dev.sluice.plugins.turbojpeg;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips the tests of the system path, with the reason, where no system libturbojpeg loads: JUnit
 * tests through {@link #require()}, jqwik properties as a lifecycle hook on their class.
 */
final class SystemLibraryAssumption implements SkipExecutionHook {

    /** Aborts the running JUnit test, with the reason, when there is no system libturbojpeg. */
    static void require() {
        Assumptions.assumeTrue(JpegLibraries.system().ok(), SystemLibraryAssumption::reason);
    }

    private static String reason() {
        return "skipped: the system path needs libturbojpeg, and " + JpegLibraries.system().failure()
                + " (Debian and Ubuntu: apt-get install libturbojpeg0)";
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return JpegLibraries.system().ok() ? SkipResult.doNotSkip() : SkipResult.skip(reason());
    }
}
