package dev.sluice.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.TxtLabelFormatProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decoder: auto} makes each decoder whose provider checks its options alone
 * ({@link ImageDecoderProvider#checkForLaterCreate}) when the first file routed to it arrives: options
 * errors stay at start-up, a decoder is made once however many threads ask at once, and one that turns
 * out unavailable then passes its files to the next decoder of their format, or, with none left, fails
 * the sample with an error naming it, its path and each decoder's reason.
 */
class AutoDecodersOnFirstUseTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    @BeforeEach
    void resetCounts() {
        LazyDecoderProviders.reset();
    }

    private PluginRegistry plugins(Class<?>... providers) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("services/META-INF/services"));
        List<String> names = new ArrayList<>();
        for (Class<?> provider : providers) {
            names.add(provider.getName());
        }
        Files.writeString(folder.resolve(ImageDecoderProvider.class.getName()), String.join("\n", names) + "\n");
        ClassLoader test = AutoDecodersOnFirstUseTest.class.getClassLoader();
        ClassLoader hidingServices = new ClassLoader(test) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        return PluginRegistry.discover(new URLClassLoader(new URL[] {dir.resolve("services").toUri().toURL()},
                hidingServices));
    }

    private PluginRegistry allThree() throws IOException {
        return plugins(LazyDecoderProviders.LazyJpeg.class, LazyDecoderProviders.LazyEverything.class,
                LazyDecoderProviders.LazyBrokenPng.class);
    }

    @Test
    void eachDecoderIsAskedForAndMadeOnlyWhenAFileOfItsFormatArrives() throws Exception {
        ImageDecoder auto = allThree().decoder(PluginRegistry.AUTO, Options.empty(), "sluice.yaml:3");
        assertEquals(List.of(0, 0, 0, 0), counts(), "nothing asked or made at start-up");

        assertEquals(3, auto.decode(ByteBuffer.wrap(JPEG), DecodeOptions.DEFAULT).get(0, 0, 0));
        assertEquals(3, auto.decode(ByteBuffer.wrap(JPEG), DecodeOptions.DEFAULT).get(0, 0, 0));
        assertEquals(List.of(1, 1, 0, 0), counts(), "a JPEG makes the JPEG decoder, once, and nothing else");

        assertEquals(1, auto.decode(ByteBuffer.wrap(PNG), DecodeOptions.DEFAULT).get(0, 0, 0),
                "the PNG decoder does not load, so its file goes to the next decoder of PNG");
        assertEquals(1, auto.decode(ByteBuffer.wrap(PNG), DecodeOptions.DEFAULT).get(0, 0, 0));
        assertEquals(List.of(1, 1, 1, 1), counts(), "the broken one is asked once, the next one made once");
    }

    @Test
    void anOptionsErrorIsThrownAtStartUpWithoutLoadingAnything() throws Exception {
        Options wrong = Options.of("decoder", Map.of("threads", 4));
        OptionsException refused = assertThrows(OptionsException.class,
                () -> allThree().decoder(PluginRegistry.AUTO, wrong, "sluice.yaml:3"));
        assertEquals("decoder.threads", refused.keyPath());
        assertEquals(List.of(0, 0, 0, 0), counts());
    }

    @Test
    void threadsThatMeetTheFirstFileAtOnceMakeTheDecoderOnce() throws Exception {
        ImageDecoder auto = allThree().decoder(PluginRegistry.AUTO, Options.empty(), "sluice.yaml:3");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> markers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                markers.add(pool.submit(() -> {
                    start.await();
                    return (int) auto.decode(ByteBuffer.wrap(JPEG), DecodeOptions.DEFAULT).get(0, 0, 0);
                }));
            }
            start.countDown();
            for (Future<Integer> marker : markers) {
                assertEquals(3, assertTimeoutPreemptively(Duration.ofSeconds(30), () -> marker.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, LazyDecoderProviders.JPEG_MADE.get(), "made once, by whichever thread came first");
    }

    @Test
    void aSampleWithNoDecoderLeftForItsFormatFailsNamingItsIndexPathAndEachReason() throws Exception {
        PluginRegistry plugins = plugins(LazyDecoderProviders.LazyJpeg.class, LazyDecoderProviders.LazyBrokenPng.class);
        ImageDecoder auto = plugins.decoder(PluginRegistry.AUTO, Options.empty(), "sluice.yaml:3");
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.write(images.resolve("a.jpg"), JPEG);
        Files.write(images.resolve("b.png"), PNG);
        LabelIndex index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()),
                Files.writeString(dir.resolve("train.txt"), "a.jpg 0\nb.png 1\n"), images);
        ImageLabelDataset<dev.sluice.api.Image> dataset = ImageLabelDataset.builder(index, images, auto).build();
        assertEquals(3, dataset.get(0).image().get(0, 0, 0));
        SampleLoadException failed = assertThrows(SampleLoadException.class, () -> dataset.get(1));
        assertEquals("sample 1 (" + images.resolve("b.png") + ", " + dir.resolve("train.txt") + ":2): no decoder for png could be made here "
                + "(lazy-broken-png: unavailable: libpng-acme.so did not load)", failed.getMessage());
        DecodeException direct = assertThrows(DecodeException.class,
                () -> auto.decode(images.resolve("b.png"), DecodeOptions.DEFAULT));
        assertEquals(images.resolve("b.png").toString(), direct.source());
        assertEquals(1, LazyDecoderProviders.PNG_ASKED.get(), "asked once, remembered");
    }

    @Test
    void theRoutingShownAfterAskingEveryDecoderLeavesOutTheOnesThatDoNotLoad() throws Exception {
        PluginRegistry plugins = allThree();
        assertEquals("bmp -> lazy-everything, gif -> lazy-everything, jpeg -> lazy-jpeg | lazy-everything, "
                + "png -> lazy-everything, tiff -> lazy-everything, webp -> lazy-everything, other -> lazy-jpeg",
                plugins.decoderRouting().toString());
    }

    /** JPEG decoder asked, JPEG decoder made, the everything decoder made, the PNG decoder asked. */
    private static List<Integer> counts() {
        return List.of(LazyDecoderProviders.JPEG_ASKED.get(), LazyDecoderProviders.JPEG_MADE.get(),
                LazyDecoderProviders.EVERYTHING_MADE.get(), LazyDecoderProviders.PNG_ASKED.get());
    }
}
