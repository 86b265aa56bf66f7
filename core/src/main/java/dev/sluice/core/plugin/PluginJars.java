package dev.sluice.core.plugin;

import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.spi.RegularFiles;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars of a {@code --plugins} folder that can be loaded. Each is opened first: one that is not a
 * regular file (a FIFO would hang the class loader), empty, or not a zip archive is left out with a
 * warning naming it and why, instead of being handed to a class loader that would ignore it silently
 * or fail later without naming it.
 */
final class PluginJars {
    private static final Logger LOG = LoggerFactory.getLogger(PluginJars.class);

    private PluginJars() {
    }

    /**
     * The usable {@code .jar} files of {@code folder}, sorted by name.
     *
     * @throws PluginException if the folder cannot be listed
     */
    static List<URL> in(Path folder) {
        List<Path> candidates;
        try (Stream<Path> files = Files.list(folder)) {
            candidates = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginException("cannot read plugin folder " + folder.toAbsolutePath() + ": "
                    + MessageValues.reason(e), e);
        }
        List<URL> jars = new ArrayList<>();
        for (Path jar : candidates) {
            String problem = problemWith(jar);
            if (problem != null) {
                LOG.warn("plugin jar {} is left out: {}", jar.toAbsolutePath(), problem);
                continue;
            }
            try {
                jars.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                LOG.warn("plugin jar {} is left out: its path is not a URL ({})", jar.toAbsolutePath(), e.getMessage());
            }
        }
        if (candidates.isEmpty()) {
            LOG.warn("plugin folder {} holds no .jar files", folder.toAbsolutePath());
        }
        return jars;
    }

    /** Why {@code jar} cannot be loaded, or null when it is a readable zip archive. */
    private static String problemWith(Path jar) {
        try {
            if (RegularFiles.requireRegular(jar) == 0) {
                return "it is empty (0 bytes), not a jar";
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return null;
            }
        } catch (ZipException e) {
            return "it is not a jar (zip) archive: " + MessageValues.reason(e);
        } catch (IOException e) {
            return MessageValues.reason(e);
        }
    }
}
