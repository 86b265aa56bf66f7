package dev.sluice.plugins.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.Region;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.api.spi.Reductions;
import dev.sluice.api.spi.ScaledJpeg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The imageio backend's DCT-domain reduced decode of sequential JPEGs: libjpeg-turbo's pixels at
 * 1/2, 1/4 and 1/8 for every sampling it handles (committed fixtures, see {@code scaled/} and its
 * script), the other JPEGs through the reader's path as before, and damaged data refused with the
 * strict walk's messages.
 */
class ScaledJpegTest {
    private static final String SCALED = "/dev/sluice/plugins/imageio/scaled/";
    private static final String CONTRACT = "/dev/sluice/api/contract/photos/";
    private final ImageDecoder decoder = new ImageIoDecoderProvider().create(Options.empty());

    /** One line of {@code scaled/references.tsv}. */
    record Reference(String input, ColorMode mode, int reduce, int width, int height, int channels, String file) {
    }

    static Stream<Named<Reference>> references() {
        return new String(resource(SCALED + "references.tsv"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(f -> new Reference(f[0], f[1].equals("rgb") ? ColorMode.RGB : ColorMode.GRAY, Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]), f[6]))
                .map(r -> Named.of(r.input() + " " + r.mode() + " 1/" + r.reduce(), r));
    }

    @ParameterizedTest
    @MethodSource("references")
    void everySamplingDecodesAtReducedScaleToLibjpegTurbosPixels(Reference reference) throws Exception {
        byte[] jpeg = resource(SCALED + reference.input());
        assertNotNull(ScaledJpeg.decode(ByteBuffer.wrap(jpeg), reference.reduce(), reference.mode() == ColorMode.GRAY, null),
                "the scaled decode takes " + reference.input());
        Image decoded = decode(jpeg, DecodeOptions.DEFAULT.withMode(reference.mode()).withReduce(reference.reduce()));
        assertEquals(reference.width() + "x" + reference.height() + "x" + reference.channels(),
                decoded.width() + "x" + decoded.height() + "x" + decoded.channels());
        assertArrayEquals(gunzip(resource(SCALED + reference.file())), decoded.toArray(), "samples of " + reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"flower-progressive.jpg", "ladybird-cmyk.jpg"})
    void progressiveAndCmykJpegsAreStillBlockAveragesOfTheReadersFullDecode(String name) throws Exception {
        byte[] jpeg = resource(CONTRACT + name);
        for (int factor : new int[] {2, 4, 8}) {
            assertNull(ScaledJpeg.decode(ByteBuffer.wrap(jpeg), factor, false, null), name + " is not scaled in the DCT domain");
            assertEquals(blockAverage(decode(jpeg, DecodeOptions.DEFAULT), factor),
                    decode(jpeg, DecodeOptions.DEFAULT.withReduce(factor)), name + " at 1/" + factor);
        }
    }

    /**
     * A progressive JPEG holds the same quantised coefficients as the baseline one the same writer
     * makes at the same quality, so at 1/8 (DC only) both decode to the same pixels; progressive
     * 4:2:0, whose chroma libjpeg-turbo transforms at 2x2 from AC coefficients, goes to the reader.
     */
    @Test
    void aProgressiveJpegAtOneEighthIsItsDcCoefficientsAsForTheBaselineOne() throws Exception {
        Image grey = TestImages.photo(203, 77, 1);
        byte[] baseline = TestImages.jpeg(grey, 90);
        byte[] progressive = TestImages.progressiveJpeg(grey, 90);
        assertNotNull(ScaledJpeg.decode(ByteBuffer.wrap(progressive), 8, false, null));
        assertEquals(decode(baseline, DecodeOptions.DEFAULT.withReduce(8)), decode(progressive, DecodeOptions.DEFAULT.withReduce(8)));
        assertNull(ScaledJpeg.decode(ByteBuffer.wrap(progressive), 4, false, null), "1/4 needs the AC coefficients");

        byte[] colour = TestImages.progressiveJpeg(TestImages.photo(203, 77, 3), 90);
        assertNull(ScaledJpeg.decode(ByteBuffer.wrap(colour), 8, false, null), "progressive 4:2:0");
        assertEquals(blockAverage(decode(colour, DecodeOptions.DEFAULT), 8), decode(colour, DecodeOptions.DEFAULT.withReduce(8)));

        byte[] cut = Arrays.copyOf(progressive, progressive.length * 3 / 4);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        DecodeException refused = assertThrows(DecodeException.class, () -> decode(cut, DecodeOptions.DEFAULT.withReduce(8)));
        assertTrue(refused.reason().startsWith("corrupt JPEG data: "), refused::getMessage);
        Image lenient = decode(cut, DecodeOptions.DEFAULT.withReduce(8).withStrict(false));
        assertEquals("26x10", lenient.width() + "x" + lenient.height());
    }

    @Test
    void threeComponentsStoredAsRgbAreStillBlockAveragesOfTheReadersFullDecode() throws Exception {
        // The JFIF segment replaced by an Adobe one with transform 0: libjpeg and the reader take the components as R, G, B.
        byte[] plain = resource(SCALED + "dune-444.jpg");
        assertEquals("JFIF", new String(plain, 6, 4, StandardCharsets.US_ASCII));
        int afterJfif = 4 + (((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF));
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(adobe, 0, adobe.length);
        out.write(plain, afterJfif, plain.length - afterJfif);
        byte[] rgb = out.toByteArray();
        Image full = decode(rgb, DecodeOptions.DEFAULT);
        assertFalse(full.equals(decode(plain, DecodeOptions.DEFAULT)), "the reader must read the components as RGB");
        assertEquals(blockAverage(full, 4), decode(rgb, DecodeOptions.DEFAULT.withReduce(4)));
    }

    @Test
    void aRegionAndTheExifOrientationApplyToTheReducedImageAsToAnyOther() throws Exception {
        byte[] jpeg = resource(SCALED + "ladybird-420-rst5.jpg");
        Region region = new Region(17, 9, 90, 61);
        for (int factor : new int[] {2, 4, 8}) {
            Image whole = decode(jpeg, DecodeOptions.DEFAULT.withReduce(factor));
            Region reduced = Reductions.reducedRegion(region, factor, whole.width(), whole.height());
            PixelBuffer cut = Regions.crop(new PixelBuffer(whole.width(), whole.height(), 3, whole.toArray()), reduced);
            assertEquals(cut.toImage(), decode(jpeg, DecodeOptions.DEFAULT.withReduce(factor).withRegion(region)),
                    "region at 1/" + factor);
        }
        byte[] turned = resource(CONTRACT + "dune-exif6.jpg");
        Image stored = decode(turned, DecodeOptions.DEFAULT.withReduce(2).withExifOrientation(false));
        Image shown = decode(turned, DecodeOptions.DEFAULT.withReduce(2));
        assertEquals(Orientations.apply(new PixelBuffer(stored.width(), stored.height(), 3, stored.toArray()), 6).toImage(), shown);
    }

    /** Each damage, at every scale and at full size, gets the strict walk's message; lenient options decode the cut file. */
    @ParameterizedTest
    @ValueSource(strings = {"cut", "huffman", "restart", "extraneous"})
    void damagedDataIsRefusedWithTheStrictWalksMessage(String damage) throws Exception {
        byte[] jpeg = damaged(resource(SCALED + "ladybird-420-rst5.jpg"), damage);
        DecodeException walk = assertThrows(DecodeException.class, () -> ImageHeader.read(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT));
        for (int factor : new int[] {1, 2, 4, 8}) {
            DecodeException refused = assertThrows(DecodeException.class,
                    () -> decode(jpeg, DecodeOptions.DEFAULT.withReduce(factor)), damage + " at 1/" + factor);
            assertEquals(walk.getMessage(), refused.getMessage(), damage + " at 1/" + factor);
        }
        if (damage.equals("cut")) {
            Image lenient = decode(jpeg, DecodeOptions.DEFAULT.withReduce(4).withStrict(false));
            assertEquals("38x29", lenient.width() + "x" + lenient.height());
        }
    }

    /** {@code jpeg} with one kind of damage in its coded data. */
    private static byte[] damaged(byte[] jpeg, String damage) {
        int scan = scanData(jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (damage) {
            case "cut" -> {
                out.write(jpeg, 0, scan + (jpeg.length - scan) / 2);
                out.write(0xFF);
                out.write(0xD9);
            }
            case "huffman" -> {
                out.write(jpeg, 0, scan + 40);
                for (int i = 0; i < 8; i++) {
                    out.write(0xFF);
                    out.write(0x00);
                }
                out.write(jpeg, scan + 40, jpeg.length - scan - 40);
            }
            case "restart" -> {
                byte[] copy = jpeg.clone();
                int at = scan;
                while (!((copy[at] & 0xFF) == 0xFF && (copy[at + 1] & 0xFF) == 0xD2)) {
                    at++;
                }
                copy[at + 1] = (byte) 0xD5;
                return copy;
            }
            default -> {
                out.write(jpeg, 0, jpeg.length - 2);
                out.writeBytes(new byte[] {1, 2, 3, 4, 5, 6});
                out.write(jpeg, jpeg.length - 2, 2);
            }
        }
        return out.toByteArray();
    }

    private static int scanData(byte[] jpeg) {
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xDA) {
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return at + 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
    }

    private Image decode(byte[] jpeg, DecodeOptions options) throws DecodeException {
        return decoder.decode(ByteBuffer.wrap(jpeg), options);
    }

    private static Image blockAverage(Image full, int factor) {
        return new PixelBuffer(full.width(), full.height(), full.channels(), full.toArray()).blockAverage(factor).toImage();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ScaledJpegTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
