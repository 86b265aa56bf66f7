package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.core.plugin.PluginRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example third-party plugin (acme-pnm, acme-jsonl) is used by the command as soon as its jar
 * is in a --plugins folder or on the class path, with no change to any other module. The jar is
 * the one its module built; it is deliberately not on this test's class path.
 */
class ThirdPartyPluginTest {
    private static final String PNM_DECODER = "com.example.acme.PnmDecoder";
    @TempDir
    Path dir;
    Path jar;
    Path plugins;
    Path project;

    /** A folder holding the plugin jar, and a PGM/PPM dataset labelled in JSON Lines with its configuration. */
    @BeforeEach
    void writeProject() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        jar = Files.copy(ExamplePlugin.jar(dir), plugins.resolve("sluice-example-plugin.jar"));
        project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("images"));
        // A 4 x 3 grey ramp (binary PGM), and a 4 x 3 red image (plain PPM, 16-bit).
        byte[] header = "P5\n4 3\n255\n".getBytes(StandardCharsets.US_ASCII);
        byte[] pgm = new byte[header.length + 12];
        System.arraycopy(header, 0, pgm, 0, header.length);
        for (int i = 0; i < 12; i++) {
            pgm[header.length + i] = (byte) (i * 20);
        }
        Files.write(project.resolve("images/ramp.pgm"), pgm);
        Files.writeString(project.resolve("images/red.ppm"), "P3 4 3 65535\n" + "65535 0 0 ".repeat(12) + "\n");
        Files.writeString(project.resolve("train.jsonl"), String.join("\n",
                "{\"path\": \"images/ramp.pgm\", \"labels\": [0, 5]}",
                "{\"path\": \"images/red.ppm\", \"labels\": [1, 6], \"note\": \"all red\"}",
                "{\"path\": \"images/ramp.pgm\", \"labels\": [0, 7]}", ""));
        Files.writeString(project.resolve("sluice.yaml"), String.join("\n",
                "dataset: {format: acme-jsonl, labels: train.jsonl, root: .}",
                "decoder: {backend: acme-pnm}",
                "transforms:",
                "  - to_tensor: {}",
                "loader: {batch_size: 3, num_workers: 2}", ""));
    }

    @Test
    void withoutThePluginTheIdIsUnknown() {
        Cli.Result result = Cli.run("decode", project.resolve("images/ramp.pgm").toString(), "--backend", "acme-pnm");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().startsWith("sluice: decoder 'acme-pnm' (--backend) not found. Found: imageio "),
                result::toString);
    }

    @Test
    void aPluginsFolderAddsTheDecoder() throws IOException {
        String ramp = project.resolve("images/ramp.pgm").toString();
        String red = project.resolve("images/red.ppm").toString();
        Cli.Result result = Cli.run("--plugins", plugins.toString(), "decode", ramp, red, "--backend", "acme-pnm",
                "--mode", "unchanged", "--out", dir.resolve("npy").toString());
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("ok " + ramp + " 4x3x1", "ok " + red + " 4x3x3"), result.outLines());
        NpyReader.Array array = NpyReader.read(dir.resolve("npy/ramp.npy"));
        assertArrayEquals(new int[] {3, 4, 1}, array.shape());
        byte[] samples = new byte[12];
        array.data().duplicate().get(samples);
        assertEquals(220 - 256, samples[11], "the last sample of the ramp, 11 * 20");
    }

    @Test
    void aPluginsFolderAddsTheLabelFormatToAConfiguration() throws IOException {
        Cli.Result result = Cli.run("dump", project.resolve("sluice.yaml").toString(), "--out", dir.resolve("dump")
                .toString(), "--plugins", plugins.toString());
        assertEquals(0, result.status(), result::toString);
        assertEquals("batch-00000: images float32 [3, 3, 3, 4], labels int64 [3, 2], indices [0, 1, 2]",
                result.outLines().get(0));
        assertArrayEquals(new long[] {0, 5, 1, 6, 0, 7}, NpyReader.read(dir.resolve("dump/batch-00000-labels.npy"))
                .longs());
        float[] images = NpyReader.read(dir.resolve("dump/batch-00000-images.npy")).floats();
        assertEquals(1f, images[36], "sample 1, red channel: 65535 of 65535");
        assertEquals(0f, images[36 + 12], "sample 1, green channel");
    }

    @Test
    void theListNamesThePluginsJar() {
        Cli.Result result = Cli.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, result.status(), result::toString);
        assertTrue(result.outLines().stream().anyMatch(l -> l.matches("decoder +acme-pnm +10 +available +" + jar)),
                result::toString);
        assertTrue(result.outLines().stream().anyMatch(l -> l.matches("label format +acme-jsonl +10 +available +" + jar)),
                result::toString);
    }

    @Test
    void theJarOnTheClassPathIsFoundToo() throws IOException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(classPath);
            Cli.Result result = Cli.run("run", project.resolve("sluice.yaml").toString());
            assertEquals(0, result.status(), result::toString);
            assertTrue(result.out().startsWith("epoch 0: 1 batches, 3 samples, 0 skipped, "), result::toString);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Under {@code backend: auto} the plugin's decoder is made when the first PNM file arrives: its
     * class is not even loaded before. An option it does not know is still refused at start-up. The
     * plugin is the only one found, so the refusal is its own.
     */
    @Test
    void underAutoTheDecoderIsMadeOnTheFirstPnmFileWhileABadOptionIsRefusedAtStartUp() throws Exception {
        try (WatchingLoader loader = new WatchingLoader(jar)) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            OptionsException refused = assertThrows(OptionsException.class, () -> registry.decoder(PluginRegistry.AUTO,
                    Options.of("decoder", Map.of("threads", 4)), "sluice.yaml:2"));
            assertEquals("decoder.threads", refused.keyPath());
            ImageDecoder auto = registry.decoder(PluginRegistry.AUTO, Options.of("decoder", Map.of()), "sluice.yaml:2");
            assertFalse(loader.loaded(PNM_DECODER), "the decoder was made at start-up");
            Image ramp = auto.decode(project.resolve("images/ramp.pgm"), DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED));
            assertEquals(220, ramp.get(3, 2, 0), "the last sample of the ramp, 11 * 20");
            assertTrue(loader.loaded(PNM_DECODER), "the first PNM file made the decoder");
        }
    }

    /** The plugin's jar alone: the services files of this test's class path are hidden from discovery. */
    private static final class WatchingLoader extends URLClassLoader {
        WatchingLoader(Path jar) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, new ClassLoader(ThirdPartyPluginTest.class.getClassLoader()) {
                @Override
                public Enumeration<URL> getResources(String name) throws IOException {
                    return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
                }
            });
        }

        /** Whether this loader has loaded the plugin's class {@code name}. */
        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void aMissingPluginsFolderIsAUsageError() {
        Path missing = dir.resolve("no-plugins");
        Cli.Result result = Cli.run("plugins", "--plugins", missing.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: plugin folder " + missing.toAbsolutePath() + " does not exist or is not a folder"),
                result.errLines());
    }
}
