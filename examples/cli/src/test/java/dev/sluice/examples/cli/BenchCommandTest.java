package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code sluice bench}: the figures, as text or as one JSON object. */
class BenchCommandTest {

    private static double number(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\": (-?[0-9.]+)[,}]").matcher(json);
        assertTrue(matcher.find(), () -> key + " in " + json);
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void jsonIsOneObjectOnOneLineWithTheAskedForFigures() {
        Cli.Result result = Cli.run("bench", Cli.sampleConfig(), "--epochs", "2", "--warmup", "1", "--json");
        assertEquals(0, result.status(), result::toString);
        assertEquals(1, result.outLines().size(), result::toString);
        String json = result.out().strip();
        assertTrue(json.startsWith("{\"config\": \"" + Cli.sampleConfig() + "\", \"mode\": \"loader\", \"epochs\": 2, \"warmup\": 1, "
                + "\"batches\": 4, \"images\": 20, "), json);
        assertTrue(number(json, "images_per_s") > 0, json);
        assertTrue(number(json, "batches_per_s") > 0, json);
        assertTrue(number(json, "first_batch_s") > 0, json);
        assertTrue(number(json, "first_batch_from_start_s") > number(json, "first_batch_s"),
                "the command's start comes before the loader's creation: " + json);
        assertTrue(number(json, "peak_heap_mb") > 0, json);
        assertTrue(number(json, "peak_rss_mb") >= number(json, "peak_heap_mb") / 2, json);
        assertEquals(number(json, "images") / number(json, "seconds"), number(json, "images_per_s"),
                0.01 * number(json, "images_per_s") + 0.001, json);
    }

    @Test
    void decodeOnlyDecodesTheSameImagesOnTheLoadersThreads() {
        Cli.Result result = Cli.run("bench", Cli.sampleConfig(), "--decode-only", "--epochs", "2", "--json");
        assertEquals(0, result.status(), result::toString);
        String json = result.out().strip();
        assertTrue(json.startsWith("{\"config\": \"" + Cli.sampleConfig() + "\", \"mode\": \"decode-only\", "
                + "\"epochs\": 2, \"warmup\": 0, \"batches\": 4, \"images\": 20, "), json);
        assertTrue(number(json, "images_per_s") > 0, json);
        Cli.Result text = Cli.run("bench", Cli.sampleConfig(), "--decode-only");
        assertEquals("bench " + Cli.sampleConfig() + ", decode-only: 1 epochs (after 0 warm-up), 2 batches, 10 images",
                text.outLines().get(0));
    }

    @Test
    void cpuGivesTheTimePerImageOfEachKindOfThreadAndTheirTotal() {
        Cli.Result result = Cli.run("bench", Cli.sampleConfig(), "--epochs", "20", "--cpu", "--json");
        assertEquals(0, result.status(), result::toString);
        String json = result.out().strip();
        double sum = 0;
        for (String kind : List.of("workers", "consumer", "gc", "jit", "other", "ended")) {
            double perImage = number(json, kind);
            assertTrue(perImage >= 0, json);
            sum += perImage;
        }
        assertTrue(number(json, "total") > 0, json);
        assertEquals(sum, number(json, "total"), 0.001, json);
        assertTrue(!Cli.run("bench", Cli.sampleConfig(), "--json").out().contains("cpu_ms_per_image"),
                "only with --cpu");
    }

    @Test
    void textNamesEachFigure() {
        Cli.Result result = Cli.run("bench", Cli.sampleConfig());
        assertEquals(0, result.status(), result::toString);
        List<String> lines = result.outLines();
        assertEquals("bench " + Cli.sampleConfig() + ": 1 epochs (after 0 warm-up), 2 batches, 10 images", lines.get(0));
        List<String> names = List.of("images/s", "batches/s", "first batch", "peak heap", "peak RSS");
        for (int i = 0; i < names.size(); i++) {
            assertTrue(lines.get(i + 1).startsWith("  " + names.get(i)), lines.get(i + 1));
        }
    }
}
