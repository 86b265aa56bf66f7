package dev.sluice.plugins.opencv;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Where Sluice keeps files it can rebuild at any time, for the user running it. */
final class CacheFolders {
    private CacheFolders() {
    }

    /**
     * {@code $SLUICE_CACHE} when it is set; otherwise the platform's per-user cache: on Linux and other
     * Unix systems {@code $XDG_CACHE_HOME/sluice} or {@code ~/.cache/sluice}, on macOS
     * {@code ~/Library/Caches/sluice}, on Windows {@code %LOCALAPPDATA%\sluice\cache}. Always absolute.
     *
     * @throws IOException naming the setting when the path it gives is not a path, or when there is no
     *         home folder to put the cache in
     */
    static Path sluice(Map<String, String> environment, String osName, String userHome) throws IOException {
        String chosen = environment.get("SLUICE_CACHE");
        if (chosen != null && !chosen.isEmpty()) {
            return path("SLUICE_CACHE", chosen).toAbsolutePath();
        }
        if (osName.startsWith("Windows")) {
            String local = environment.get("LOCALAPPDATA");
            if (local != null && !local.isEmpty()) {
                return path("LOCALAPPDATA", local).resolve("sluice").resolve("cache");
            }
            return home(userHome).resolve("AppData").resolve("Local").resolve("sluice").resolve("cache");
        }
        if (osName.startsWith("Mac")) {
            return home(userHome).resolve("Library").resolve("Caches").resolve("sluice");
        }
        // The XDG base-directory specification says a relative path in these variables is invalid and
        // must be ignored.
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            Path base = path("XDG_CACHE_HOME", xdg);
            if (base.isAbsolute()) {
                return base.resolve("sluice");
            }
        }
        return home(userHome).resolve(".cache").resolve("sluice");
    }

    private static Path home(String userHome) throws IOException {
        // The JVM sets user.home to "?" when the user has no entry in the password database, common in
        // containers that run under an arbitrary user id.
        if (userHome != null && !userHome.equals("?")) {
            Path home = path("user.home", userHome);
            if (home.isAbsolute()) {
                return home;
            }
        }
        throw new IOException("no home folder to keep the cache in (user.home=" + userHome
                + "); set SLUICE_CACHE to a writable folder");
    }

    private static Path path(String setting, String value) throws IOException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IOException(setting + "=" + value + " is not a path: " + e.getMessage(), e);
        }
    }
}
