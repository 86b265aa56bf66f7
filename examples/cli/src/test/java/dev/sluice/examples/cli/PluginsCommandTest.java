package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice plugins}: every provider on the class path, one row each. */
class PluginsCommandTest {

    private static String row(List<String> lines, String kind, String id) {
        for (String line : lines) {
            String[] fields = line.split("\\s{2,}");
            if (fields.length >= 4 && fields[0].equals(kind) && fields[1].equals(id)) {
                return line;
            }
        }
        throw new AssertionError("no row for " + kind + " " + id + " in\n" + String.join("\n", lines));
    }

    @Test
    void everyBuiltInPluginIsListedWithItsPriorityStatusAndJar() {
        Cli.Result result = Cli.run("plugins");
        assertEquals(0, result.status(), result::toString);
        List<String> lines = result.outLines();
        assertTrue(lines.get(0).matches("KIND +ID +PRIORITY +STATUS +FROM"), lines.get(0));
        assertTrue(row(lines, "decoder", "imageio").matches("decoder +imageio +100 +available +.*plugins-imageio.*"),
                row(lines, "decoder", "imageio"));
        assertTrue(row(lines, "decoder", "opencv").matches("decoder +opencv +200 +(available|unavailable: .+) +.*"),
                row(lines, "decoder", "opencv"));
        assertTrue(row(lines, "encoder", "imageio").contains("available"));
        assertTrue(row(lines, "transform", "resize").matches("transform +resize +0 +available +.*plugins-transforms.*"),
                row(lines, "transform", "resize"));
        assertTrue(row(lines, "label format", "txt").matches("label format +txt +100 +available +.*core.*"),
                row(lines, "label format", "txt"));
    }

    @Test
    void aProviderThatFailsToLoadIsReportedOnceNamingItsJar(@TempDir Path dir) throws IOException {
        // Issue 15, item 16: a failing service was printed on stdout and repeated as a warning on stderr.
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Path jar = folder.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.sluice.api.spi.ImageDecoderProvider"));
            out.write("com.acme.MissingDecoderProvider\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        Cli.Result result;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            result = Cli.run("--plugins", folder.toString(), "plugins");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, result.status(), result::toString);
        List<String> failures = result.outLines().stream().filter(line -> line.startsWith("failed to load: ")).toList();
        assertEquals(1, failures.size(), result::toString);
        assertTrue(failures.get(0).contains("com.acme.MissingDecoderProvider") && failures.get(0).contains(jar.toString()),
                failures.get(0));
        assertEquals("", result.err(), result::toString);
        String log = logged.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("MissingDecoderProvider"), log);
    }

    @Test
    void pluginsTakesNoArguments() {
        Cli.Result result = Cli.run("plugins", "extra");
        assertEquals(2, result.status());
        assertEquals(List.of("sluice: sluice plugins takes no arguments, was given extra"), result.errLines());
    }
}
