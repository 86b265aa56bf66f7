package dev.sluice.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.DecodeException;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.contract.SpecialFiles;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.testing.TinyDecoderProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery: every provider found, ids unique, problems reported with classes, jars and remedies. */
class PluginRegistryTest {
    private static final ClassLoader TEST_LOADER = PluginRegistryTest.class.getClassLoader();

    @TempDir
    Path dir;

    /** A class loader that sees the test class path's classes but only the services files under {@code services}. */
    private static ClassLoader withServices(Path services) throws IOException {
        ClassLoader hidingServices = new ClassLoader(TEST_LOADER) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        return new URLClassLoader(new URL[] {services.toUri().toURL()}, hidingServices);
    }

    private Path services(String kind, String... classes) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(folder.resolve(kind), String.join("\n", classes) + "\n");
        return dir;
    }

    @Test
    void findsTheProvidersOnTheClassPath() {
        PluginRegistry plugins = PluginRegistry.discover(TEST_LOADER);
        List<String> labelFormats = plugins.plugins(PluginKind.LABEL_FORMAT).stream().map(PluginInfo::id).toList();
        assertEquals(List.of("coco", "csv", "folder", "json", "mask_folder", "txt", "voc", "yolo"), labelFormats);
        assertInstanceOf(TxtLabelFormatProvider.class,
                plugins.require(PluginKind.LABEL_FORMAT, LabelFormatProvider.class, "txt", "sluice.yaml:2"));
        PluginInfo tiny = plugins.plugins(PluginKind.DECODER).stream().filter(p -> p.id().equals("tiny")).findFirst()
                .orElseThrow();
        assertEquals(TinyDecoderProvider.class.getName(), tiny.className());
        assertTrue(tiny.availability().available());
        assertTrue(Files.exists(Path.of(tiny.location())), "the location is the class folder or jar: " + tiny.location());
    }

    @Test
    void autoChoosesTheHighestPriorityProviderThatIsAvailable() {
        PluginRegistry plugins = PluginRegistry.discover(TEST_LOADER);
        // broken-native has priority 1000 but cannot load; tiny (10) is next.
        assertInstanceOf(TinyDecoderProvider.class,
                plugins.require(PluginKind.DECODER, ImageDecoderProvider.class, "auto", "sluice.yaml:8"));
    }

    @Test
    void anUnknownIdListsTheKnownOnesAndSuggestsOne() {
        PluginRegistry plugins = PluginRegistry.discover(TEST_LOADER);
        PluginException e = assertThrows(PluginException.class,
                () -> plugins.require(PluginKind.DECODER, ImageDecoderProvider.class, "tinny", "sluice.yaml:8"));
        assertEquals("decoder 'tinny' (sluice.yaml:8) not found. Found: broken-native (priority 1000, unavailable: "
                + "libbroken.so did not load: no such file), tiny (priority 10). Did you mean 'tiny'?", e.getMessage());
    }

    @Test
    void aNamedUnavailableProviderFailsWithItsReasonAndTheAlternatives() {
        PluginRegistry plugins = PluginRegistry.discover(TEST_LOADER);
        PluginException e = assertThrows(PluginException.class,
                () -> plugins.require(PluginKind.DECODER, ImageDecoderProvider.class, "broken-native", "sluice.yaml:8"));
        assertEquals("decoder 'broken-native' (sluice.yaml:8) is unavailable: libbroken.so did not load: no such file; "
                + "use tiny instead", e.getMessage());
    }

    @Test
    void noProviderOfAKindSaysWhatToAdd() throws IOException {
        PluginRegistry plugins = PluginRegistry.discover(withServices(services("unrelated")));
        PluginException e = assertThrows(PluginException.class,
                () -> plugins.require(PluginKind.TRANSFORM, TransformProvider.class, "resize", "sluice.yaml:11"));
        assertEquals("No Transform plugin on the class path; add sluice-plugins-transforms.", e.getMessage());
    }

    @Test
    void twoProvidersWithOneIdAreAnErrorNamingBothClassesAndJars() throws IOException {
        ClassLoader loader = withServices(services("dev.sluice.api.spi.ImageDecoderProvider",
                TinyDecoderProvider.class.getName(), SameIdDecoderProvider.class.getName()));
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.discover(loader));
        String location = Path.of(TinyDecoderProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        assertEquals("two ImageDecoder plugins have the id 'tiny': " + TinyDecoderProvider.class.getName() + " from "
                + location + " and " + SameIdDecoderProvider.class.getName() + " from " + location
                + "; remove one of the jars", e.getMessage());
    }

    @Test
    void aProviderThatFailsToLoadIsReportedAndTheOthersStillLoad() throws IOException {
        ClassLoader loader = withServices(services("dev.sluice.api.spi.ImageDecoderProvider",
                "com.acme.MissingDecoderProvider", TinyDecoderProvider.class.getName()));
        PluginRegistry plugins = PluginRegistry.discover(loader);
        assertEquals(List.of("tiny"), plugins.plugins(PluginKind.DECODER).stream().map(PluginInfo::id).toList());
        assertEquals(1, plugins.loadFailures().size());
        assertTrue(plugins.loadFailures().get(0).contains("com.acme.MissingDecoderProvider"),
                plugins.loadFailures().get(0));
        PluginException e = assertThrows(PluginException.class,
                () -> plugins.require(PluginKind.DECODER, ImageDecoderProvider.class, "acme", "sluice.yaml:8"));
        assertTrue(e.getMessage().contains("Plugins that failed to load: ")
                && e.getMessage().contains("com.acme.MissingDecoderProvider"), e.getMessage());
    }

    @Test
    void aPluginFolderMustExist() {
        Path missing = dir.resolve("plugins");
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.discover(missing, TEST_LOADER));
        assertEquals("plugin folder " + missing.toAbsolutePath() + " does not exist or is not a folder", e.getMessage());
    }

    @Test
    void autoSendsEachFormatToTheAvailableDecoderOfHighestPriorityThatReadsIt() throws Exception {
        String kind = ImageDecoderProvider.class.getName();
        PluginRegistry plugins = PluginRegistry.discover(withServices(services(kind,
                RoutingDecoderProviders.JpegOnly.class.getName(), RoutingDecoderProviders.Everything.class.getName(),
                RoutingDecoderProviders.UnavailablePng.class.getName())));
        DecoderRouting routing = plugins.decoderRouting();
        assertEquals(Map.of("jpeg", "jpeg-only", "png", "everything", "gif", "everything", "bmp", "everything",
                "tiff", "everything", "webp", "everything"), routing.routes());
        assertEquals("bmp -> everything, gif -> everything, jpeg -> jpeg-only | everything, png -> everything, "
                + "tiff -> everything, webp -> everything, other -> jpeg-only", routing.toString());
        ImageDecoder auto = plugins.decoder(PluginRegistry.AUTO, Options.empty(), "sluice.yaml:3");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, auto.decode(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT).get(0, 0, 0));
        assertEquals(1, auto.decode(ByteBuffer.wrap(png), DecodeOptions.DEFAULT).get(0, 0, 0));
        assertEquals(1, auto.decode(ByteBuffer.wrap(gif), DecodeOptions.DEFAULT).get(0, 0, 0));
        assertEquals(3, auto.decode(ByteBuffer.wrap(new byte[] {'P', '6'}), DecodeOptions.DEFAULT).get(0, 0, 0),
                "data in no known format goes to the decoder of highest priority");
        assertEquals(1, plugins.decoder("everything", Options.empty(), "sluice.yaml:3")
                .decode(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT).get(0, 0, 0), "a named decoder gets every file");
    }

    @Test
    void autoHandsAnImageTheFirstDecoderRefusesAsUnsupportedToTheNextButNotADamagedOne() throws Exception {
        // Issue 15, item 9: auto routes a kind of image one backend does not read to one that does.
        PluginRegistry plugins = PluginRegistry.discover(withServices(services(ImageDecoderProvider.class.getName(),
                RoutingDecoderProviders.JpegOnly.class.getName(), RoutingDecoderProviders.Everything.class.getName())));
        assertEquals(Map.of("jpeg", List.of("jpeg-only", "everything")),
                Map.of("jpeg", plugins.decoderRouting().chains().get("jpeg")));
        ImageDecoder auto = plugins.decoder(PluginRegistry.AUTO, Options.empty(), "sluice.yaml:3");
        byte[] lossless = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC3};
        assertEquals(1, auto.decode(ByteBuffer.wrap(lossless), DecodeOptions.DEFAULT).get(0, 0, 0));
        byte[] damaged = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0};
        DecodeException e = assertThrows(DecodeException.class,
                () -> auto.decode(ByteBuffer.wrap(damaged), DecodeOptions.DEFAULT));
        assertEquals("<bytes>: premature end of data segment", e.getMessage(), "damage is never retried elsewhere");

        PluginRegistry alone = PluginRegistry.discover(withServices(services(ImageDecoderProvider.class.getName(),
                RoutingDecoderProviders.JpegOnly.class.getName())));
        ImageDecoder onlyOne = alone.decoder(PluginRegistry.AUTO, Options.empty(), "sluice.yaml:3");
        UnsupportedImageException refused = assertThrows(UnsupportedImageException.class,
                () -> onlyOne.decode(ByteBuffer.wrap(lossless), DecodeOptions.DEFAULT));
        assertEquals("<bytes>: lossless JPEG is not read by jpeg-only", refused.getMessage());
    }

    @Test
    void autoWithNoAvailableDecoderNamesEachWithItsReason() throws Exception {
        PluginRegistry plugins = PluginRegistry.discover(withServices(services(ImageDecoderProvider.class.getName(),
                RoutingDecoderProviders.UnavailablePng.class.getName())));
        PluginException refused = assertThrows(PluginException.class, plugins::decoderRouting);
        assertEquals("no decoder is available here: unavailable-png (priority 500, unavailable: its native library "
                + "is missing)", refused.getMessage());
    }

    @Test
    void aProviderThatFailsToConstructIsNamedWithItsJar() throws IOException {
        // Issue 15, item 16: a failing service was named without its jar.
        ClassLoader loader = withServices(services("dev.sluice.api.spi.ImageDecoderProvider",
                BrokenDecoderProvider.class.getName(), TinyDecoderProvider.class.getName()));
        PluginRegistry plugins = PluginRegistry.discover(loader);
        assertEquals(List.of("tiny"), plugins.plugins(PluginKind.DECODER).stream().map(PluginInfo::id).toList());
        String location = Path.of(BrokenDecoderProvider.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).toString();
        String failure = plugins.loadFailures().get(0);
        assertTrue(failure.contains(BrokenDecoderProvider.class.getName() + " from " + location + ": "), failure);
        assertTrue(failure.contains("libacme.so is missing"), failure);
    }

    @Test
    void aMissingProviderClassNamesTheServicesFileThatListsIt() throws IOException {
        ClassLoader loader = withServices(services("dev.sluice.api.spi.ImageDecoderProvider",
                "com.acme.MissingDecoderProvider"));
        String failure = PluginRegistry.discover(loader).loadFailures().get(0);
        assertTrue(failure.endsWith("(listed in " + dir.resolve("META-INF/services/dev.sluice.api.spi.ImageDecoderProvider")
                + ")"), failure);
    }

    @Test
    void emptyCorruptAndSpecialJarsInAPluginFolderAreLeftOutWithAWarningNamingThem() throws Exception {
        // Issue 15, item 16: an empty or corrupt jar in --plugins was ignored without a warning.
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Path empty = Files.write(folder.resolve("empty.jar"), new byte[0]);
        Path corrupt = Files.writeString(folder.resolve("corrupt.jar"), "this is not a zip archive\n");
        Path fifo = SpecialFiles.fifo(folder.resolve("fifo.jar"));
        Path good = folder.resolve("good.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(good))) {
            jar.putNextEntry(new ZipEntry("README.txt"));
            jar.write("nothing here".getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        List<URL> jars;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // Bounded, because before the check a FIFO named like a jar blocked the class loader for ever.
            jars = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> PluginJars.in(folder));
            PluginRegistry.discover(folder, TEST_LOADER);
        } finally {
            System.setErr(stderr);
        }
        assertEquals(List.of(good.toUri().toURL()), jars);
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertTrue(warnings.contains("plugin jar " + empty.toAbsolutePath() + " is left out: it is empty (0 bytes), not a jar"),
                warnings);
        assertTrue(warnings.contains("plugin jar " + corrupt.toAbsolutePath() + " is left out: it is not a jar (zip) archive"),
                warnings);
        assertTrue(warnings.contains("plugin jar " + fifo.toAbsolutePath() + " is left out: is a FIFO, not a regular file"),
                warnings);
    }
}
