package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sluice} launcher script's own functions, run by bash on a made-up checkout: what makes
 * it rebuild (a pom or a main source newer than the jar; not the sample data, tests or target/) and
 * the progress lines it makes of Maven's output, and which commands count as reading images (they get
 * the pre-touched heap and may write the class-data archive).
 */
class LauncherTest {
    private static final Path BASH = Path.of("/bin/bash");
    private static final Instant BUILT = Instant.parse("2026-01-02T00:00:00Z");

    @TempDir
    Path root;

    private String script;

    @BeforeEach
    void readTheScript() throws IOException {
        assumeTrue(Files.isExecutable(BASH), "bash runs the launcher");
        script = Files.readString(Path.of(System.getProperty("sluice.launcher", "../../sluice")));
    }

    @Test
    void withoutAJarItBuilds() throws Exception {
        assertEquals("stale", staleness());
    }

    @Test
    void aPomOrAMainSourceNewerThanTheJarRebuilds() throws Exception {
        writeJar();
        assertEquals("fresh", staleness());
        Path source = file("core/src/main/java/dev/sluice/core/X.java", BUILT.plusSeconds(5));
        assertEquals("stale", staleness());
        Files.setLastModifiedTime(source, FileTime.from(BUILT.minusSeconds(5)));
        file("plugins-opencv/pom.xml", BUILT.plusSeconds(5));
        assertEquals("stale", staleness());
    }

    @Test
    void theSampleDataTestsAndTargetDoNotRebuild() throws Exception {
        writeJar();
        file("examples/sample-data/sluice.yaml", BUILT.plusSeconds(5));
        file("examples/sample-data/images/a.jpg", BUILT.plusSeconds(5));
        file("core/src/test/java/dev/sluice/core/XTest.java", BUILT.plusSeconds(5));
        file("core/target/classes/dev/sluice/core/X.class", BUILT.plusSeconds(5));
        file("README.md", BUILT.plusSeconds(5));
        assertEquals("fresh", staleness());
    }

    @Test
    void onlyCommandsThatReadImagesGetThePreTouchedHeapAndWriteTheClassArchive() throws Exception {
        assertEquals(List.of("yes", "yes", "yes", "yes", "yes", "no", "no", "no", "no", "no", "no"), bash(
                function("reads_images") + "\nfor args in 'bench e.yaml --json' 'demo' '--plugins dir run e.yaml' "
                + "'-v shard e.yaml out' 'decode a.jpg' '--help' 'plugins' 'help bench' 'bench --help' "
                + "'--plugins bench plugins' ''; do\n"
                + "  if reads_images $args; then echo yes; else echo no; fi\ndone\n"));
    }

    @Test
    void theDefaultJvmOptionsStartThisJdkWithoutAWarning() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> lines = bash(function("reads_images") + "\n" + function("java_defaults") + "\n"
                + "echo \"options: $(java_defaults bench e.yaml)\"\n'" + java + "' $(java_defaults bench e.yaml) -version 2>&1\n");
        assertTrue(lines.get(0).contains(" -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 "
                + "-XX:Tier4CompileThreshold=150000"), lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.contains("version")), lines::toString);
        assertTrue(lines.stream().noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("warning")
                || line.contains("Unrecognized")), lines::toString);
    }

    @Test
    void mavensOutputBecomesALinePerModuleAndADownloadCount() throws Exception {
        String maven = "[INFO] Scanning for projects...\n"
                + "[INFO] Downloaded from central: https://repo/a.jar (2 kB)\n"
                + "[INFO] Downloaded from central: https://repo/b.jar (2 kB)\n"
                + "[INFO] Building Sluice API 0.1.0-SNAPSHOT                                [3/11]\n"
                + "[INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ sluice-api ---\n"
                + "[INFO] Building jar: /x/api/target/sluice-api-0.1.0-SNAPSHOT.jar\n"
                + "[INFO] Building Sluice command line 0.1.0-SNAPSHOT                      [11/11]\n";
        List<String> lines = bash(function("progress") + "\nprogress <<'MAVEN'\n" + maven + "MAVEN\n");
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("sluice: downloading into ~/\\.m2, 1 files so far, \\d+ s"), lines.get(0));
        assertTrue(lines.get(1).matches("sluice: \\[3/11\\] Sluice API, \\d+ s"), lines.get(1));
        assertTrue(lines.get(2).matches("sluice: \\[11/11\\] Sluice command line, \\d+ s"), lines.get(2));
    }

    private void writeJar() throws IOException {
        file("examples/cli/target/sluice.jar", BUILT);
        file("pom.xml", BUILT.minusSeconds(60));
        file("core/src/main/java/dev/sluice/core/Y.java", BUILT.minusSeconds(60));
    }

    private Path file(String name, Instant modified) throws IOException {
        Path path = root.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, name);
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }

    /** "stale" or "fresh", as the launcher's stale() says of the checkout at {@link #root}. */
    private String staleness() throws Exception {
        List<String> lines = bash("root='" + root + "'\njar=\"$root/examples/cli/target/sluice.jar\"\n"
                + function("stale") + "\nif stale; then echo stale; else echo fresh; fi\n");
        assertEquals(1, lines.size(), lines::toString);
        return lines.get(0);
    }

    /** The text of the script's function {@code name}, from {@code name() {} to its closing brace. */
    private String function(String name) {
        int start = script.indexOf("\n" + name + "() {\n");
        assertTrue(start >= 0, "the launcher has no function " + name);
        int end = script.indexOf("\n}\n", start + 1);
        return script.substring(start + 1, end + 2);
    }

    private static List<String> bash(String program) throws Exception {
        Process process = new ProcessBuilder(BASH.toString(), "--noprofile", "--norc", "-c",
                "set -euo pipefail\n" + program).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        // A guard against a hung shell, not a timing assertion.
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "bash did not finish");
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), text);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
