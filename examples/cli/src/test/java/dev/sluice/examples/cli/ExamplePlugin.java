package dev.sluice.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The example third-party plugin as a jar, as its module built it. Maven names the module's jar
 * after {@code package}; a build that stops at {@code test} names its classes folder instead, which
 * is packed into a jar here so that the tests see the same thing either way.
 */
final class ExamplePlugin {
    /** What Maven resolved for the plugin: its jar, or its classes folder. */
    static final Path BUILT = Path.of(System.getProperty("sluice.examplePlugin", "missing-example-plugin"));

    private ExamplePlugin() {
    }

    /** The plugin's jar, written into {@code folder} when Maven gave its classes folder. */
    static Path jar(Path folder) throws IOException {
        if (Files.isRegularFile(BUILT)) {
            return BUILT;
        }
        if (!Files.isDirectory(BUILT)) {
            throw new IllegalStateException("the example plugin was not built: " + BUILT);
        }
        Path jar = folder.resolve("sluice-example-plugin.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(BUILT)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path entry : files) {
                out.putNextEntry(new JarEntry(BUILT.relativize(entry).toString().replace('\\', '/')));
                Files.copy(entry, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
