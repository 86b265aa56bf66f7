package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
    void pluginsTakesNoArguments() {
        Cli.Result result = Cli.run("plugins", "extra");
        assertEquals(2, result.status());
        assertEquals(List.of("sluice: sluice plugins takes no arguments, was given extra"), result.errLines());
    }
}
