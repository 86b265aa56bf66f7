package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the configuration reader: whatever the text, it gives a configuration or a
 * {@link ConfigException} whose message names the source; never another exception.
 */
class SluiceConfigPropertiesTest {
    private static final Pattern NAMED = Pattern.compile("^<string>: .+");
    private static Path project;

    @BeforeContainer
    static void writeProject() throws IOException {
        project = Files.createTempDirectory("sluice-config-fuzz");
        TinyProject.write(project, TinyProject.CONFIG);
    }

    @AfterContainer
    static void deleteProject() throws IOException {
        try (var files = Files.walk(project)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void readsOrExplains(String yaml, List<String> overrides) {
        try {
            SluiceConfig.parse(yaml, project, overrides);
        } catch (ConfigException e) {
            assertTrue(NAMED.matcher(e.getMessage()).find() || e.getMessage().startsWith("--set: "),
                    "message does not name its source: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new AssertionError("I/O escaped for " + yaml, e);
        }
    }

    @Property(tries = 1000)
    void arbitraryTextGivesAConfigOrAConfigException(@ForAll("text") String yaml) {
        readsOrExplains(yaml, List.of());
    }

    @Property(tries = 1000)
    void aValidConfigWithOneLineChangedGivesAConfigOrAConfigException(@ForAll("mutatedConfigs") String yaml) {
        readsOrExplains(yaml, List.of());
    }

    @Property(tries = 500)
    void arbitraryOverridesGiveAConfigOrAConfigException(@ForAll("overrides") String override) {
        readsOrExplains(TinyProject.CONFIG, List.of(override));
    }

    /**
     * Issue 15, item 13: aliases and nesting at any depth (self-references, alias chains that
     * multiply, flow and block nesting far past the limit) give a configuration or a one-line
     * ConfigException, quickly; never a StackOverflowError or an OutOfMemoryError.
     */
    @Property(tries = 300)
    void aliasesAndNestingGiveAConfigOrAConfigException(@ForAll("aliasesAndNesting") String yaml) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> readsOrExplains(yaml, List.of()));
    }

    @Provide
    Arbitrary<String> aliasesAndNesting() {
        Arbitrary<String> deep = Arbitraries.integers().between(1, 200_000).flatMap(depth -> Arbitraries.of(
                "[".repeat(depth) + "]".repeat(depth), "{a: ".repeat(depth) + "1" + "}".repeat(depth),
                "[".repeat(depth), "- ".repeat(Math.min(depth, 5_000)) + "x"));
        Arbitrary<String> chain = Arbitraries.integers().between(1, 12).flatMap(levels -> Arbitraries.integers()
                .between(1, 12).map(width -> {
                    StringBuilder bomb = new StringBuilder("  a0: &a0 [x]\n");
                    for (int level = 1; level <= levels; level++) {
                        bomb.append("  a").append(level).append(": &a").append(level).append(" [");
                        for (int i = 0; i < width; i++) {
                            bomb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
                        }
                        bomb.append("]\n");
                    }
                    return "loader:\n  batch_size: 2\ndecoder:\n  backend: tiny\n" + bomb.toString()
                            .replace("  a0:", "  x0:").replaceAll("(?m)^  a", "  y");
                }));
        Arbitrary<String> self = Arbitraries.of("loader:\n  batch_size: &r [*r]\n", "decoder: &d {x: *d}\n",
                "transforms: &t [{compose: *t}]\n", "a: &a {b: &b [*a, *b]}\n", "&k x: *k\n", "? &m {a: *m}\n: 1\n");
        return Arbitraries.oneOf(deep.map(value -> "loader:\n  seed: " + value + "\n"), deep, chain, self);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars(":-[]{}#&*!|>'\"%@`,? \n\tabcxyz0123456789.")
                .withCharRange('\u0000', '\u00ff').ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> mutatedConfigs() {
        List<String> lines = List.of(TinyProject.CONFIG.split("\n"));
        Arbitrary<String> replacement = Arbitraries.oneOf(
                Arbitraries.of("  batch_size: -1", "  num_workers: 1.5", "loader: 3", "transforms: {}", "  - 7",
                        "  - {a: 1, b: 2}", "  repeat: []", "  mode: [rgb]", "dataset: null", "  labels: /", "  root: ~",
                        "  seed: 99999999999999999999999", "  timeout: -0.0", "  prefetch_factor: 0", "&a [*a]",
                        "  <<: {x: 1}", "\t", "  shuffle: maybe", "decoder:", "  reduce: 16", "---", "..."),
                Arbitraries.strings().withChars(" :-[]{}#ab01\t").ofMaxLength(20));
        return Arbitraries.integers().between(0, lines.size() - 1).flatMap(at -> replacement.map(text -> {
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                yaml.append(i == at ? text : lines.get(i)).append('\n');
            }
            return yaml.toString();
        }));
    }

    @Provide
    Arbitrary<String> overrides() {
        Arbitrary<String> keys = Arbitraries.of("loader.batch_size", "loader.num_workers", "transforms[0]",
                "transforms[9].x", "dataset", "decoder.mode", "a..b", "[0]", "loader.seed", "x[", "x[y]", "");
        Arbitrary<String> values = Arbitraries.strings().withChars("-0123456789.[]{}:,abc ").ofMaxLength(10);
        return Arbitraries.oneOf(keys.flatMap(key -> values.map(value -> key + "=" + value)),
                Arbitraries.strings().ofMaxLength(15));
    }
}
