package dev.sluice.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.Region;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.Tensor;
import dev.sluice.plugins.imageio.ImageIoDecoderProvider;
import dev.sluice.plugins.imageio.ImageIoEncoderProvider;
import dev.sluice.plugins.opencv.OpenCvDecoderProvider;
import dev.sluice.plugins.opencv.OpenCvEncoderProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The seed recipe's image helpers, on both decoder backends, on a real photograph of the sample data. */
class SeedImagesTest {
    private static final Path PHOTO = Path.of(System.getProperty("sluice.sampleData", "../sample-data"), "images",
            "dune.jpg");

    @TempDir
    Path dir;

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("imageio", new SeedImages(new ImageIoDecoderProvider().create(Options.empty()),
                        new ImageIoEncoderProvider().create(Options.empty())),
                        new ImageIoDecoderProvider().create(Options.empty())),
                Arguments.of("opencv", new SeedImages(new OpenCvDecoderProvider().create(Options.empty()),
                        new OpenCvEncoderProvider().create(Options.empty())),
                        new OpenCvDecoderProvider().create(Options.empty())));
    }

    private static Image crop(Image image, Region region) {
        byte[] out = new byte[region.width() * region.height() * image.channels()];
        int i = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                for (int c = 0; c < image.channels(); c++) {
                    out[i++] = (byte) image.get(x, y, c);
                }
            }
        }
        return Image.wrap(region.width(), region.height(), image.channels(), out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void readImageResizesAsTheRecipeDoes(String backend, SeedImages images, ImageDecoder decoder) throws Exception {
        Image full = images.readImage(PHOTO, null, null);
        assertEquals("160x120x3", full.width() + "x" + full.height() + "x" + full.channels());
        Image byHeight = images.readImage(PHOTO, 96, null);
        assertEquals(128, byHeight.width(), "int(160 * 96 / 120)");
        assertEquals(96, byHeight.height());
        Image both = images.readImage(PHOTO, 50, 70);
        assertEquals("70x50", both.width() + "x" + both.height());
        Tensor normalized = images.readImageNormalized(PHOTO, 96, null);
        assertEquals("[96, 128, 3]", java.util.Arrays.toString(normalized.shape()));
        assertEquals(byHeight.get(5, 7, 2) / 255f, normalized.getFloat((7L * 128 + 5) * 3 + 2), 1e-7);
    }

    @Test
    void bothBackendsReadTheSamePixels() throws Exception {
        Image[] read = backends().map(arguments -> {
            try {
                return ((SeedImages) arguments.get()[1]).readImage(PHOTO, 96, null);
            } catch (DecodeException e) {
                throw new AssertionError(e);
            }
        }).toArray(Image[]::new);
        assertEquals(read[0], read[1]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRegionIsGivenInOriginalCoordinatesAndScaledInEveryMode(String backend, SeedImages images,
            ImageDecoder decoder) throws Exception {
        Region original = new Region(40, 20, 64, 48);
        for (ColorMode mode : new ColorMode[] {ColorMode.RGB, ColorMode.GRAY}) {
            Image roi = images.fastReadImageRoi(PHOTO, original, 2, mode);
            assertEquals("32x24x" + (mode == ColorMode.GRAY ? 1 : 3),
                    roi.width() + "x" + roi.height() + "x" + roi.channels(), mode.toString());
            Image reduced = decoder.decode(PHOTO, DecodeOptions.DEFAULT.withMode(mode).withReduce(2));
            assertEquals(crop(reduced, new Region(20, 10, 32, 24)), roi, "the same rectangle of the reduced image");
        }
        assertThrows(DecodeException.class, () -> images.fastReadImageRoi(PHOTO, new Region(150, 0, 20, 10), 1,
                ColorMode.RGB), "a rectangle outside the image");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theRegionReadMovesBoxesOntoTheRegion(String backend, SeedImages images, ImageDecoder decoder) throws Exception {
        Image whole = decoder.decode(PHOTO, DecodeOptions.DEFAULT);
        CanvasSize canvas = new CanvasSize(whole.height(), whole.width());
        // one box inside the region, one across its left edge, one outside it
        BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.XYXY, canvas, new float[] {50, 30, 70, 44, 30, 25, 45, 35,
            0, 0, 10, 10}, new long[] {1, 2, 3});
        Targeted<Image> roi = images.fastReadImageRoi(PHOTO, new Region(40, 20, 64, 48), 2, ColorMode.RGB,
                Targets.NONE.withBoxes(boxes));
        BoundingBoxes moved = roi.targets().boxes().orElseThrow();
        assertEquals(new CanvasSize(24, 32), moved.canvas());
        assertArrayEquals(new float[] {5, 5, 15, 12, 0, 2.5f, 2.5f, 7.5f, 0, 0, 0, 0}, moved.coordinates());
        assertThrows(IllegalArgumentException.class, () -> images.fastReadImageRoi(PHOTO, new Region(40, 20, 64, 48), 2,
                ColorMode.RGB, Targets.NONE.withBoxes(BoundingBoxes.empty(BoxFormat.XYXY, new CanvasSize(30, 30)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void savedImagesReadBackAndGreyIsSavedAsThreeChannels(String backend, SeedImages images, ImageDecoder decoder)
            throws Exception {
        Image photo = images.readImage(PHOTO, null, null);
        Path png = dir.resolve("copy.png");
        images.saveImage(png, photo);
        assertEquals(photo, decoder.decode(png, DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED)));
        Image grey = images.fastReadImageRoi(PHOTO, new Region(0, 0, 160, 120), 1, ColorMode.GRAY);
        Path greyPng = dir.resolve("grey.png");
        images.saveImage(greyPng, grey);
        Image saved = decoder.decode(greyPng, DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED));
        assertEquals(3, saved.channels());
        assertEquals(grey.get(10, 10, 0), saved.get(10, 10, 1));
        Path fromFloats = dir.resolve("floats.png");
        images.saveImage(fromFloats, images.readImageNormalized(PHOTO, null, null));
        assertEquals(photo, decoder.decode(fromFloats, DecodeOptions.DEFAULT), "[0, 1] floats scaled back exactly");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void combineSaveImageWritesTheResultAndTheSideBySideComparison(String backend, SeedImages images,
            ImageDecoder decoder) throws Exception {
        Image orig = images.readImage(PHOTO, null, null);
        Image dest = images.fastReadImageRoi(PHOTO, new Region(0, 0, 80, 60), 1, ColorMode.GRAY);
        Path out = dir.resolve("out");
        images.combineSaveImage(orig, dest, out, "dune", "crop");
        Image single = decoder.decode(out.resolve("dune_crop.jpg"), DecodeOptions.DEFAULT);
        Image pair = decoder.decode(out.resolve("dune_src_crop.jpg"), DecodeOptions.DEFAULT);
        assertEquals("80x60", single.width() + "x" + single.height());
        assertEquals("240x120", pair.width() + "x" + pair.height(), "orig and dest side by side");
        assertTrue(Files.size(out.resolve("dune_src_crop.jpg")) > Files.size(out.resolve("dune_crop.jpg")));
    }
}
