package dev.sluice.plugins.imageio;

import dev.sluice.api.spi.Availability;

/** Whether this Java runtime can run the backend. */
final class Runtimes {
    private Runtimes() {
    }

    /**
     * Available when javax.imageio (module java.desktop) is present and the readers this backend
     * uses, the JDK's and TwelveMonkeys', can be found or registered.
     */
    static Availability imageIo() {
        if (ModuleLayer.boot().findModule("java.desktop").isEmpty()) {
            return Availability.unavailable("this Java runtime has no java.desktop module, which holds javax.imageio; "
                    + "use a full JDK or JRE, or add the module to the runtime image (jlink --add-modules java.desktop)");
        }
        try {
            Readers.formats();
            return Availability.AVAILABLE;
        } catch (LinkageError | RuntimeException e) {
            return Availability.unavailable("the ImageIO readers (the JDK's PNG and GIF, TwelveMonkeys' JPEG, TIFF, BMP "
                    + "and WebP) cannot be set up: " + e + (e.getCause() == null ? "" : "; caused by " + e.getCause()));
        }
    }
}
