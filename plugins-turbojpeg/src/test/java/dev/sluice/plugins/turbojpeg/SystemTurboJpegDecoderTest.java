package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.contract.Tolerance;
import org.junit.jupiter.api.BeforeEach;

/**
 * The decoder contract for the turbojpeg backend on the system's libturbojpeg
 * ({@code library: system}); skipped, saying why, on a machine without one.
 */
class SystemTurboJpegDecoderTest extends TurboJpegDecoderContract {

    SystemTurboJpegDecoderTest() {
        super("system");
    }

    /** Per test, so that each skipped test is reported with the reason. */
    @BeforeEach
    void requireSystemLibrary() {
        SystemLibraryAssumption.require();
    }

    /**
     * The same libjpeg-turbo code as cv2's (scaled IDCT included), and cv2's CMYK conversion: any
     * difference from {@code cv2.imread} is a bug here.
     */
    @Override
    protected Tolerance referenceTolerance(String kind) {
        return Tolerance.EXACT;
    }
}
