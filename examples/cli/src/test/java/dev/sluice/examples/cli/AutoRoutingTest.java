package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.core.wiring.SluiceConfig;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decoder: auto} with every built-in decoder on the class path: each file goes, by its first
 * bytes, to the decoder of highest priority that reads its format, so a folder mixing JPEG, PNG,
 * GIF and WebP loads with no error although no single backend reads all four well (opencv reads no
 * GIF or WebP; turbojpeg reads JPEG only).
 */
class AutoRoutingTest {
    private static final String[] FILES = {"photo.jpg", "photo.png", "photo.gif", "photo.webp"};

    @TempDir
    Path dir;

    private static PluginRegistry plugins() {
        return PluginRegistry.discover(AutoRoutingTest.class.getClassLoader());
    }

    @Test
    void eachFormatGoesToTheAvailableDecoderOfHighestPriorityThatReadsIt() {
        Map<String, String> routes = plugins().decoderRouting().routes();
        assertEquals(Map.of("jpeg", "turbojpeg", "png", "opencv", "bmp", "opencv", "tiff", "opencv", "gif", "imageio",
                "webp", "imageio"), routes);
    }

    @Test
    void aMixedFolderOfJpegPngGifAndWebpLoadsUnderAuto() throws IOException {
        writeMixedFolder();
        String yaml = "dataset:\n  labels: train.txt\n  root: images\n"
                + "decoder:\n  backend: auto\n"
                + "transforms:\n  - resize: {size: [24, 32]}\n  - to_tensor\n"
                + "loader:\n  batch_size: 4\n  num_workers: 2\n";
        int batches = 0;
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(
                SluiceConfig.parse(yaml, dir, List.of()), plugins())) {
            for (LabeledBatch batch : loader) {
                assertArrayEquals(new int[] {4, 3, 24, 32}, batch.images().shape());
                batches++;
            }
        }
        assertEquals(1, batches);
    }

    @Test
    void theAutoDecoderGivesEachFileItsRoutedDecodersPixels() throws IOException {
        writeMixedFolder();
        PluginRegistry plugins = plugins();
        ImageDecoder auto = plugins.decoder(PluginRegistry.AUTO, Options.empty(), "test");
        Map<String, String> routes = plugins.decoderRouting().routes();
        for (String name : FILES) {
            Path file = dir.resolve("images").resolve(name);
            String format = name.endsWith("jpg") ? "jpeg" : name.substring(name.indexOf('.') + 1);
            Image expected = plugins.decoder(routes.get(format), Options.empty(), "test").decode(file, DecodeOptions.DEFAULT);
            assertEquals(expected, auto.decode(file, DecodeOptions.DEFAULT), name);
        }
        Path html = Files.writeString(dir.resolve("page.jpg"), "<html>404</html>");
        DecodeException refused = assertThrows(DecodeException.class, () -> auto.decode(html, DecodeOptions.DEFAULT));
        assertTrue(refused.getMessage().startsWith(html + ": unknown image format"), refused::getMessage);
    }

    /** A drawn 64 x 48 picture as JPEG, PNG and GIF (the JDK's writers), and a real WebP photograph. */
    private void writeMixedFolder() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(new Color(40, 120, 200));
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(new Color(230, 180, 20));
        graphics.fillOval(10, 6, 40, 30);
        graphics.dispose();
        for (String format : new String[] {"jpg", "png", "gif"}) {
            assertTrue(ImageIO.write(picture, format, images.resolve("photo." + format).toFile()), format);
        }
        // The JDK writes no WebP: this one is api's fixture, a lossless crop of a Debian desktop background
        // (the imageio decoder refuses lossy WebP, whose chroma upsampling it does not match).
        try (InputStream webp = AutoRoutingTest.class.getResourceAsStream("/dev/sluice/api/contract/photos/ladybird-lossless.webp")) {
            Files.copy(webp, images.resolve("photo.webp"));
        }
        Files.writeString(dir.resolve("train.txt"), "photo.jpg 0\nphoto.png 1\nphoto.gif 2\nphoto.webp 3\n");
    }
}
