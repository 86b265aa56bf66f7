package dev.sluice.plugins.opencv;

import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Not a test: asks the {@code opencv} decoder for its availability with the plugin's classes in a
 * class loader of their own and org.openpnp:opencv in the application's, as when the plugin's jar
 * comes with {@code --jars} and OpenCV is on the class path. Run by {@code OpenCvNativesTest} in a JVM
 * whose class path holds sluice-api, org.openpnp:opencv and these test classes; the argument is the
 * folder or jar of the plugin's classes. Prints as {@link OpenCvStartup} does.
 */
final class SplitLoaderStartup {
    private SplitLoaderStartup() {
    }

    public static void main(String[] args) throws Exception {
        try (URLClassLoader plugin = new URLClassLoader("sluice-plugins", new URL[] {Path.of(args[0]).toUri().toURL()},
                SplitLoaderStartup.class.getClassLoader())) {
            for (ImageDecoderProvider provider : ServiceLoader.load(ImageDecoderProvider.class, plugin)) {
                if (provider.id().equals("opencv") && provider.getClass().getClassLoader() == plugin) {
                    Availability availability = provider.availability();
                    System.out.println(availability.available() ? "opencv available" : "opencv unavailable: " + availability.reason());
                    return;
                }
            }
            throw new IllegalStateException("no opencv decoder in " + args[0]);
        }
    }
}
