package com.example.acme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.contract.ImageDecoderContract;
import dev.sluice.api.contract.TestImages;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder keeps the decoder contract. PNM is neither of the contract's formats (PNG, JPEG), so
 * the contract checks here that both are refused, that undecodable bytes and missing files are
 * refused with their source, and discovery; what it checks for its own formats (modes, reduction,
 * regions, the pixel limit, untouched buffers, threads) is checked below on PGM and PPM files.
 */
class AcmePnmDecoderTest extends ImageDecoderContract {
    private static final Image RGB = TestImages.photo(101, 67, 3);
    private static final Image GREY = TestImages.photo(101, 67, 1);

    @Override
    protected String providerId() {
        return "acme-pnm";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("pnm");
    }

    private Image decode(byte[] file, DecodeOptions options) throws DecodeException {
        return decoder().decode(ByteBuffer.wrap(file), options);
    }

    private static void assertPixelsWithin(Image expected, Image actual, int tolerance) {
        assertEquals(expected.width() + "x" + expected.height() + "x" + expected.channels(),
                actual.width() + "x" + actual.height() + "x" + actual.channels(), "shape");
        byte[] a = expected.toArray();
        byte[] b = actual.toArray();
        for (int i = 0; i < a.length; i++) {
            int difference = Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            if (difference > tolerance) {
                throw new AssertionError("sample " + i + ": expected " + (a[i] & 0xFF) + ", was " + (b[i] & 0xFF));
            }
        }
    }

    @ParameterizedTest(name = "maxval {0}")
    @ValueSource(ints = {255, 256, 1000, 65535})
    void everyKindDecodesExactlyInUnchangedModeAtMaxvalsFrom255Up(int maxval) throws Exception {
        DecodeOptions unchanged = DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED);
        for (boolean plain : new boolean[] {true, false}) {
            assertEquals(GREY, decode(Netpbm.write(GREY, plain, maxval), unchanged), (plain ? "P2" : "P5"));
            assertEquals(RGB, decode(Netpbm.write(RGB, plain, maxval), unchanged), (plain ? "P3" : "P6"));
        }
    }

    @Test
    void sixteenBitSamplesAreBigEndianAndScaledToNearest() throws Exception {
        byte[] file = "P5 3 1 65535\n".getBytes(StandardCharsets.US_ASCII);
        byte[] samples = {0, 0, (byte) 0x80, 0x00, (byte) 0xFF, (byte) 0xFF};
        byte[] whole = Arrays.copyOf(file, file.length + samples.length);
        System.arraycopy(samples, 0, whole, file.length, samples.length);
        // 0x8000 = 32768: 32768 * 255 / 65535 = 127.5019..., rounded to 128.
        assertArrayEquals(new byte[] {0, (byte) 128, (byte) 255},
                decode(whole, DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED)).toArray());
    }

    @Test
    void aSmallMaxvalIsStretchedToTheFullRange() throws Exception {
        Image decoded = decode("P2 4 1 3\n0 1 2 3\n".getBytes(StandardCharsets.US_ASCII),
                DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED));
        assertArrayEquals(new byte[] {0, 85, (byte) 170, (byte) 255}, decoded.toArray());
    }

    @Test
    void commentsAndAnyWhitespaceMaySeparateTheHeaderFields() throws Exception {
        byte[] file = "P3\n# made by hand\n2\t# width\n1 # height\r\n255\n255 0 0  0 0 255\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255}, decode(file, DecodeOptions.DEFAULT).toArray());
    }

    @Test
    void greyFilesExpandToRgbAndColourFilesReduceToLuma() throws Exception {
        Image expanded = decode(Netpbm.write(GREY, false, 255), DecodeOptions.DEFAULT);
        assertEquals(3, expanded.channels());
        assertEquals(GREY.get(40, 30, 0), expanded.get(40, 30, 0));
        assertEquals(GREY.get(40, 30, 0), expanded.get(40, 30, 2));
        // TestImages draws its grey image as the BT.601 luma of its colour one, rounded in floating point.
        assertPixelsWithin(GREY, decode(Netpbm.write(RGB, false, 255), DecodeOptions.DEFAULT.withMode(ColorMode.GRAY)), 1);
    }

    @ParameterizedTest(name = "reduce {0}")
    @ValueSource(ints = {2, 4, 8})
    void reducingGivesRoundedUpSizesAndBlockAverages(int factor) throws Exception {
        Image reduced = decode(Netpbm.write(RGB, false, 255), DecodeOptions.DEFAULT.withReduce(factor));
        assertEquals((101 + factor - 1) / factor + "x" + (67 + factor - 1) / factor, reduced.width() + "x" + reduced.height());
        // The top-left block, averaged by hand.
        int sum = 0;
        for (int y = 0; y < factor; y++) {
            for (int x = 0; x < factor; x++) {
                sum += RGB.get(x, y, 1);
            }
        }
        int count = factor * factor;
        assertEquals((2 * sum + count) / (2 * count), reduced.get(0, 0, 1));
        // The bottom-right block holds only the pixels that exist.
        int columns = 101 % factor == 0 ? factor : 101 % factor;
        int rows = 67 % factor == 0 ? factor : 67 % factor;
        int cornerSum = 0;
        for (int y = 67 - rows; y < 67; y++) {
            for (int x = 101 - columns; x < 101; x++) {
                cornerSum += RGB.get(x, y, 0);
            }
        }
        int cornerCount = columns * rows;
        assertEquals((2 * cornerSum + cornerCount) / (2 * cornerCount),
                reduced.get(reduced.width() - 1, reduced.height() - 1, 0));
    }

    @Test
    void aRegionIsCutInOriginalCoordinatesFromPlainAndBinaryFiles() throws Exception {
        Region region = new Region(13, 7, 40, 30);
        for (boolean plain : new boolean[] {true, false}) {
            Image cut = decode(Netpbm.write(RGB, plain, 255), DecodeOptions.DEFAULT.withRegion(region));
            assertEquals(40 + "x" + 30, cut.width() + "x" + cut.height());
            for (int y = 0; y < 30; y += 7) {
                for (int x = 0; x < 40; x += 9) {
                    assertEquals(RGB.get(13 + x, 7 + y, 2), cut.get(x, y, 2), "(" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void aRegionAtReducedScaleIsTheBlockAverageOfTheRectangle() throws Exception {
        byte[] file = Netpbm.write(RGB, false, 255);
        Image cutThenReduced = decode(file, DecodeOptions.DEFAULT.withRegion(new Region(16, 8, 48, 32)).withReduce(4));
        Image rectangle = decode(file, DecodeOptions.DEFAULT.withRegion(new Region(16, 8, 48, 32)));
        assertEquals(12 + "x" + 8, cutThenReduced.width() + "x" + cutThenReduced.height());
        int sum = 0;
        for (int y = 4; y < 8; y++) {
            for (int x = 8; x < 12; x++) {
                sum += rectangle.get(x, y, 0);
            }
        }
        assertEquals((2 * sum + 16) / 32, cutThenReduced.get(2, 1, 0));
    }

    @Test
    void aRegionOutsideTheImageIsRefusedNamingIt() {
        Region outside = new Region(100, 0, 2, 1);
        DecodeException refused = assertThrows(DecodeException.class,
                () -> decode(Netpbm.write(RGB, false, 255), DecodeOptions.DEFAULT.withRegion(outside)));
        assertEquals("<bytes>: region [100, 0, 2, 1] lies outside the 101x67 image", refused.getMessage());
    }

    @Test
    void morePixelsThanTheLimitAreRefusedFromTheHeader() throws Exception {
        // The header claims 100000 x 100000 pixels; the samples are not there, and are never looked for.
        byte[] bomb = "P6 100000 100000 255\n".getBytes(StandardCharsets.US_ASCII);
        DecodeException refused = assertThrows(DecodeException.class, () -> decode(bomb, DecodeOptions.DEFAULT));
        assertEquals("<bytes>: P6 100000x100000 maxval 255 has 10000000000 pixels, more than the limit of "
                + DecodeOptions.DEFAULT_MAX_PIXELS + " (DecodeOptions.maxPixels)", refused.getMessage());
        assertEquals(RGB, decode(Netpbm.write(RGB, false, 255), DecodeOptions.DEFAULT.withMaxPixels(101 * 67)));
    }

    @Test
    void truncatedAndMalformedFilesAreRefusedWithTheReason() {
        byte[] whole = Netpbm.write(RGB, false, 255);
        assertEquals("<bytes>: truncated: P6 101x67 maxval 255 needs 20301 bytes of samples, the data has 20300",
                assertThrows(DecodeException.class, () -> decode(Arrays.copyOf(whole, whole.length - 1),
                        DecodeOptions.DEFAULT)).getMessage());
        assertEquals("<bytes>: truncated: the data ends before the sample of row 0",
                assertThrows(DecodeException.class, () -> decode("P2 2 1 255\n7".getBytes(StandardCharsets.US_ASCII),
                        DecodeOptions.DEFAULT)).getMessage());
        assertEquals("<bytes>: sample of row 0 at byte 13 is larger than 255",
                assertThrows(DecodeException.class, () -> decode("P2 2 1 255\n7 300".getBytes(StandardCharsets.US_ASCII),
                        DecodeOptions.DEFAULT)).getMessage());
        assertEquals("<bytes>: expected a decimal number for the height at byte 5, found a byte that is not a digit",
                assertThrows(DecodeException.class, () -> decode("P5 2 x 255\n".getBytes(StandardCharsets.US_ASCII),
                        DecodeOptions.DEFAULT)).getMessage());
        assertEquals("<bytes>: maxval at byte 7 is larger than 65535",
                assertThrows(DecodeException.class, () -> decode("P5 2 1 65536\n".getBytes(StandardCharsets.US_ASCII),
                        DecodeOptions.DEFAULT)).getMessage());
        assertEquals("<bytes>: header: width must be >= 1, was 0",
                assertThrows(DecodeException.class, () -> decode("P5 0 1 255\n".getBytes(StandardCharsets.US_ASCII),
                        DecodeOptions.DEFAULT)).getMessage());
    }

    @Test
    void aBinarySampleAboveMaxvalIsRefused() {
        byte[] file = {'P', '5', ' ', '2', ' ', '1', ' ', '9', '9', '\n', 5, 100};
        assertEquals("<bytes>: sample 100 in row 0 exceeds maxval 99",
                assertThrows(DecodeException.class, () -> decode(file, DecodeOptions.DEFAULT)).getMessage());
    }

    @Test
    void theBufferIsReadFromItsPositionAndNotMoved() throws Exception {
        byte[] file = Netpbm.write(GREY, false, 255);
        ByteBuffer direct = ByteBuffer.allocateDirect(file.length + 10);
        direct.put(new byte[5]).put(file).put(new byte[5]);
        direct.position(5).limit(5 + file.length);
        ByteBuffer view = direct.asReadOnlyBuffer();
        assertEquals(GREY, decoder().decode(view, DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED)));
        assertEquals(5, view.position());
        assertEquals(5 + file.length, view.limit());
    }

    @Test
    void aFileIsDecodedAndItsFailuresNameIt(@TempDir Path dir) throws Exception {
        Path good = Files.write(dir.resolve("photo.ppm"), Netpbm.write(RGB, true, 65535, "written by Netpbm"));
        assertEquals(RGB, decoder().decode(good, DecodeOptions.DEFAULT));
        Path bad = Files.write(dir.resolve("photo.pgm"), "P5 2 2 255\n\1".getBytes(StandardCharsets.US_ASCII));
        DecodeException refused = assertThrows(DecodeException.class, () -> decoder().decode(bad, DecodeOptions.DEFAULT));
        assertTrue(refused.getMessage().startsWith(bad + ": truncated: "), refused.getMessage());
    }
}
