package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Region;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * For a libjpeg-based decoder that makes JPEGs at 1/8 under strict options from their coefficients
 * in Java ({@link dev.sluice.api.spi.ScaledJpeg#atOneEighth}): the same samples as its library's own
 * 1/8 decode of the same file (asked for with strict options off, which leaves every file to the
 * library), baseline and progressive, in every colour mode, with a region and an EXIF turn, into lent
 * buffers or not; and damage refused with the strict walk's message. A subclass gives the decoder.
 */
public abstract class JpegAtOneEighthContract {
    private static final Image PHOTO = TestImages.photo(301, 203, 3);

    /** The decoder under test; a test that cannot run here is skipped by an assumption in this method. */
    protected abstract ImageDecoder decoder();

    @Test
    public final void baselineAndProgressiveJpegsGiveTheLibrarysSamples() throws DecodeException {
        ImageDecoder decoder = decoder();
        DecodeBuffers buffers = new DecodeBuffers();
        for (int[] sampling : new int[][] {{1, 1}, {2, 1}, {1, 2}, {2, 2}}) {
            // Progressive 4:2:0 at 1/8 needs AC coefficients: left to the library, so it checks that route too.
            byte[] jpeg = TestImages.progressiveJpeg(PHOTO, 85, sampling[0], sampling[1]);
            compareWithTheLibrary(decoder, buffers, jpeg, sampling[0] + "x" + sampling[1] + " progressive");
        }
        compareWithTheLibrary(decoder, buffers, TestImages.jpeg(PHOTO, 85), "baseline 4:2:0");
    }

    private static void compareWithTheLibrary(ImageDecoder decoder, DecodeBuffers buffers, byte[] jpeg, String name)
            throws DecodeException {
        for (ColorMode mode : ColorMode.values()) {
            DecodeOptions options = DecodeOptions.DEFAULT.withMode(mode).withReduce(8);
            Image fromLibjpeg = decoder.decode(ByteBuffer.wrap(jpeg), options.withStrict(false));
            String what = name + " " + mode;
            assertEquals(mode == ColorMode.GRAY ? 1 : 3, fromLibjpeg.channels(), what);
            assertEquals("38x26", fromLibjpeg.width() + "x" + fromLibjpeg.height(), what);
            assertEquals(fromLibjpeg, decoder.decode(ByteBuffer.wrap(jpeg), options), what);
            assertEquals(fromLibjpeg, decoder.decode(ByteBuffer.wrap(jpeg), options, buffers), what + ", lent buffers");
        }
        DecodeOptions cut = DecodeOptions.DEFAULT.withReduce(8).withRegion(new Region(40, 16, 160, 120));
        Image region = decoder.decode(ByteBuffer.wrap(jpeg), cut.withStrict(false));
        assertEquals("20x15", region.width() + "x" + region.height());
        assertEquals(region, decoder.decode(ByteBuffer.wrap(jpeg), cut, buffers));
    }

    /** More than 32,768 blocks in each component: the walk keeps a progressive frame's marks in chunks of that many. */
    @Test
    public final void aLargeProgressiveJpegGivesTheLibrarysSamples() throws DecodeException {
        byte[] jpeg = TestImages.progressiveJpeg(TestImages.photo(1544, 1400, 3), 85, 1, 1);
        DecodeOptions options = DecodeOptions.DEFAULT.withReduce(8);
        Image fromLibjpeg = decoder().decode(ByteBuffer.wrap(jpeg), options.withStrict(false));
        assertEquals("193x175", fromLibjpeg.width() + "x" + fromLibjpeg.height());
        assertEquals(fromLibjpeg, decoder().decode(ByteBuffer.wrap(jpeg), options));
    }

    @Test
    public final void greyJpegsGiveTheLibrarysSamplesInEveryModeAndTurn() throws DecodeException {
        ImageDecoder decoder = decoder();
        Image grey = TestImages.photo(301, 203, 1);
        for (byte[] jpeg : new byte[][] {TestImages.progressiveJpeg(grey, 85), TestImages.jpeg(grey, 85)}) {
            compareTurnedWithTheLibrary(decoder, jpeg);
        }
    }

    private static void compareTurnedWithTheLibrary(ImageDecoder decoder, byte[] jpeg) throws DecodeException {
        byte[] turned = TestImages.withExifOrientation(jpeg, 6);
        DecodeBuffers buffers = new DecodeBuffers();
        for (ColorMode mode : ColorMode.values()) {
            DecodeOptions options = DecodeOptions.DEFAULT.withMode(mode).withReduce(8);
            Image fromLibjpeg = decoder.decode(ByteBuffer.wrap(turned), options.withStrict(false));
            assertEquals("26x38x" + (mode == ColorMode.RGB ? 3 : 1),
                    fromLibjpeg.width() + "x" + fromLibjpeg.height() + "x" + fromLibjpeg.channels());
            assertEquals(fromLibjpeg, decoder.decode(ByteBuffer.wrap(turned), options, buffers), mode + ", turned");
            assertEquals(decoder.decode(ByteBuffer.wrap(jpeg), options.withStrict(false)),
                    decoder.decode(ByteBuffer.wrap(jpeg), options, buffers), mode.toString());
        }
    }

    @Test
    public final void damageInAnAcScanIsRefusedWithTheStrictWalksMessage() {
        byte[] jpeg = TestImages.progressiveJpeg(PHOTO, 85, 1, 1);
        byte[] damaged = jpeg.clone();
        Arrays.fill(damaged, damaged.length * 3 / 4, damaged.length * 3 / 4 + 64, (byte) 0xFE);
        DecodeException refused = assertThrows(DecodeException.class,
                () -> decoder().decode(ByteBuffer.wrap(damaged), DecodeOptions.DEFAULT.withReduce(8)));
        assertTrue(refused.reason().startsWith("corrupt JPEG data: "), refused::getMessage);
    }
}
