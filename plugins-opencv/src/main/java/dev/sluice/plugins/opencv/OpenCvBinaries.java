package dev.sluice.plugins.opencv;

import java.io.IOException;
import java.net.URL;
import java.util.Locale;
import nu.pattern.OpenCV;
import org.opencv.core.Core;

/**
 * Which of the native libraries in org.openpnp:opencv's jar runs here. The jar keeps one per
 * platform at {@code nu/pattern/opencv/<os>/<arch>/}, with os {@code linux}, {@code osx} or
 * {@code windows} and arch {@code x86_32}, {@code x86_64}, {@code ARMv7} or {@code ARMv8}; 4.9.0 has
 * seven of the twelve pairs (no 32-bit x86 on Linux, nothing 32-bit on macOS, no ARM on Windows).
 */
final class OpenCvBinaries {
    private OpenCvBinaries() {
    }

    static BundledLibrary current() throws IOException {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * The library for a platform named as the JVM names it ({@code "Linux"}, {@code "amd64"}).
     *
     * @throws IOException naming the platform when the jar has no library for it
     */
    static BundledLibrary of(String osName, String osArch) throws IOException {
        String os = os(osName, osArch);
        String arch = arch(osName, osArch);
        // Core's static initialiser is plain Java, so its constants can be read before the library loads.
        String name = Core.NATIVE_LIBRARY_NAME;
        String fileName = switch (os) {
            case "windows" -> name + ".dll";
            case "osx" -> "lib" + name + ".dylib";
            default -> "lib" + name + ".so";
        };
        String resource = "/nu/pattern/opencv/" + os + "/" + arch + "/" + fileName;
        URL url = OpenCV.class.getResource(resource);
        if (url == null) {
            throw unsupported(osName, osArch, "its jar has no " + resource);
        }
        return BundledLibrary.of("opencv-" + Core.VERSION + "-" + os + "-" + arch, fileName, url);
    }

    private static String os(String osName, String osArch) throws IOException {
        String lower = osName.toLowerCase(Locale.ROOT);
        if (lower.equals("linux")) {
            return "linux";
        }
        if (lower.startsWith("mac")) {
            return "osx";
        }
        if (lower.startsWith("windows")) {
            return "windows";
        }
        throw unsupported(osName, osArch, "it has libraries for Linux, macOS and Windows only");
    }

    private static String arch(String osName, String osArch) throws IOException {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i686" -> "x86_32";
            case "aarch64", "arm64" -> "ARMv8";
            case "arm" -> "ARMv7";
            default -> throw unsupported(osName, osArch, "it has libraries for x86 and ARM only");
        };
    }

    private static IOException unsupported(String osName, String osArch, String why) {
        return new IOException("org.openpnp:opencv " + Core.VERSION + " has no native library for " + osName + " "
                + osArch + ": " + why);
    }
}
