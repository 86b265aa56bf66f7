package dev.sluice.plugins.imageio;

import dev.sluice.api.spi.Availability;

/** Whether this Java runtime can run the backend. */
final class Runtimes {
    private Runtimes() {
    }

    /** Available when javax.imageio (module java.desktop) is present. */
    static Availability imageIo() {
        if (ModuleLayer.boot().findModule("java.desktop").isEmpty()) {
            return Availability.unavailable("this Java runtime has no java.desktop module, which holds javax.imageio; "
                    + "use a full JDK or JRE, or add the module to the runtime image (jlink --add-modules java.desktop)");
        }
        return Availability.AVAILABLE;
    }
}
