package dev.sluice.plugins.opencv;

import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.Availability;

/**
 * What the OpenCV decoder and encoder providers share: the id {@code opencv}, the native priority,
 * and availability as the one load of OpenCV's native library.
 */
abstract class OpenCvProvider extends AbstractPluginProvider {

    /** Id {@code opencv}, priority 200, the built-in native one: preferred to {@code imageio} (100) under {@code auto}. */
    OpenCvProvider() {
        super("opencv", 200);
    }

    /**
     * Loads OpenCV's native library on the first call (later calls give the same answer). The library
     * is copied out of the org.openpnp jar once, into {@code $SLUICE_CACHE} or the user's cache
     * folder ({@code ~/.cache/sluice} on Linux), and loaded from there; when that folder cannot be
     * used, it is extracted to a temporary folder as before, with a warning through
     * {@link System.Logger}. When it cannot load at all, unavailable with the loader's error and the
     * hint to use {@code imageio}.
     */
    @Override
    public final Availability availability() {
        return OpenCvNatives.availability();
    }
}
