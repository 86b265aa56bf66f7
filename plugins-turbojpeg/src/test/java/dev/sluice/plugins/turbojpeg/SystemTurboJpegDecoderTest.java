package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.ImageDecoderContract;
import dev.sluice.api.contract.Tolerance;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/**
 * The decoder contract for the turbojpeg backend on the system's libturbojpeg
 * ({@code library: system}); skipped, saying why, on a machine without one.
 */
class SystemTurboJpegDecoderTest extends ImageDecoderContract {

    /** Per test, so that each skipped test is reported with the reason. */
    @BeforeEach
    void requireSystemLibrary() {
        SystemLibraryAssumption.require();
    }

    @Override
    protected String providerId() {
        return "turbojpeg";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("jpeg");
    }

    /**
     * The same libjpeg-turbo code as cv2's (scaled IDCT included), and cv2's CMYK conversion: any
     * difference from {@code cv2.imread} is a bug here.
     */
    @Override
    protected Tolerance referenceTolerance(String kind) {
        return Tolerance.EXACT;
    }

    @Override
    protected ImageDecoder createDecoder(ImageDecoderProvider provider) {
        return provider.create(Options.of(Map.of("library", "system")));
    }
}
