package dev.sluice.core.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Which {@code META-INF/services} files list a provider class that could not be loaded, so that a
 * failure names the jar to fix or remove: a class that is missing has no jar of its own to name.
 */
final class ServiceFiles {
    private ServiceFiles() {
    }

    /**
     * {@code " (listed in <jar>)"} for each services file of {@code kind} that lists a class named in
     * {@code message}; empty when none does or the files cannot be read.
     */
    static String listing(PluginKind kind, ClassLoader loader, String message) {
        if (message == null) {
            return "";
        }
        List<String> places = new ArrayList<>();
        try {
            Enumeration<URL> files = loader.getResources("META-INF/services/" + kind.providerType().getName());
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                if (lists(file, message)) {
                    places.add(jarOf(file));
                }
            }
        } catch (IOException e) {
            return "";
        }
        return places.isEmpty() ? "" : " (listed in " + String.join(" and ", places) + ")";
    }

    private static boolean lists(URL file, String message) throws IOException {
        URLConnection connection = file.openConnection();
        connection.setUseCaches(false);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (!name.isEmpty() && message.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The jar of a {@code jar:file:/x.jar!/META-INF/...} URL, the file of a {@code file:} one, else the URL. */
    private static String jarOf(URL file) {
        String text = file.toString();
        int bang = text.indexOf("!/");
        String local = text.startsWith("jar:file:") && bang > 0 ? text.substring("jar:".length(), bang)
                : text.startsWith("file:") ? text : null;
        if (local == null) {
            return text;
        }
        try {
            return Path.of(new URI(local)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return local;
        }
    }
}
