package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.Image;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.spi.JpegCoefficients.Component;
import dev.sluice.api.spi.JpegCoefficients.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which frames the DCT-domain reduced decode takes, and the 1/8 decode that native backends hand it:
 * decided from the markers before the first scan, by libjpeg's colour rule. Its
 * pixels against libjpeg-turbo's are checked where a libjpeg runs (the imageio backend's fixtures,
 * the turbojpeg and opencv backends' tests).
 */
class ScaledJpegTest {

    @Test
    void samplingRatiosOtherThanOneAndTwoAreLeftToTheReader() {
        // 4:1:1 (luma 4 x 1): chroma would need a fourfold upsampling, which libjpeg-turbo does otherwise.
        Frame fourOneOne = new Frame(64, 16, 4, 1, false, List.of(new Component(1, 4, 1, 8, 2), new Component(2, 1, 1, 2, 2),
                new Component(3, 1, 1, 2, 2)));
        for (int factor : new int[] {2, 4, 8}) {
            assertFalse(new ScaledJpeg(factor, false).begin(fourOneOne), "4:1:1 at 1/" + factor);
        }
        Frame fourTwoZero = new Frame(64, 16, 2, 2, false, List.of(new Component(1, 2, 2, 8, 2), new Component(2, 1, 1, 4, 1),
                new Component(3, 1, 1, 4, 1)));
        assertTrue(new ScaledJpeg(2, false).begin(fourTwoZero));
    }

    @Test
    void aProgressiveFrameWhoseComponentsNeedOnlyTheirDcIsDecodedAtOneEighth() throws DecodeException {
        Image photo = TestImages.photo(203, 77, 3);
        for (int[] sampling : new int[][] {{1, 1}, {2, 1}, {1, 2}}) {
            byte[] jpeg = TestImages.progressiveJpeg(photo, 90, sampling[0], sampling[1]);
            ScaledJpeg.Samples samples = ScaledJpeg.atOneEighth(ByteBuffer.wrap(jpeg), false, null);
            assertNotNull(samples, sampling[0] + "x" + sampling[1]);
            assertEquals("26x10x3", samples.width() + "x" + samples.height() + "x" + samples.channels());
            assertArrayEquals(ScaledJpeg.decode(ByteBuffer.wrap(jpeg), 8, false, null).array(), samples.array());
            ScaledJpeg.Samples luma = ScaledJpeg.atOneEighth(ByteBuffer.wrap(jpeg), true, null);
            assertEquals(1, luma.channels());
        }
        Image grey = TestImages.photo(203, 77, 1);
        ScaledJpeg.Samples fromProgressive = ScaledJpeg.atOneEighth(
                ByteBuffer.wrap(TestImages.progressiveJpeg(grey, 90)), false, null);
        // The same quantised coefficients as the baseline file, so the same DC-only samples.
        assertArrayEquals(ScaledJpeg.decode(ByteBuffer.wrap(TestImages.jpeg(grey, 90)), 8, false, null).array(),
                fromProgressive.array());
    }

    @Test
    void framesItWouldNotDecodeAsLibjpegAreLeftWithoutWalkingTheirCodedData() throws DecodeException {
        Image photo = TestImages.photo(203, 77, 3);
        // 4:2:0 chroma, which libjpeg transforms at 2x2 from AC coefficients; its coded data damaged, unread here.
        assertNull(ScaledJpeg.atOneEighth(ByteBuffer.wrap(damaged(TestImages.progressiveJpeg(photo, 90, 2, 2))),
                false, null));
        byte[] baseline = TestImages.jpeg(photo, 90);
        assertArrayEquals(ScaledJpeg.decode(ByteBuffer.wrap(baseline), 8, false, null).array(),
                ScaledJpeg.atOneEighth(ByteBuffer.wrap(baseline), false, null).array(), "baseline 4:2:0, from every coefficient");
        byte[] noJfif = withoutJfif(TestImages.progressiveJpeg(photo, 90, 1, 1));
        assertNotNull(ScaledJpeg.atOneEighth(ByteBuffer.wrap(noJfif), false, null), "ids 1, 2, 3: YCbCr");
        assertNull(ScaledJpeg.atOneEighth(ByteBuffer.wrap(damaged(withRgbIds(noJfif))), false, null),
                "ids R, G, B without JFIF or Adobe marker: RGB to libjpeg");
        assertNull(ScaledJpeg.atOneEighth(ByteBuffer.wrap(damaged(withAdobe(noJfif, 0))), false, null),
                "Adobe transform 0: RGB");
        assertNull(ScaledJpeg.atOneEighth(ByteBuffer.wrap(damaged(withAdobe(noJfif, 2))), false, null),
                "Adobe transform 2 on three components: a libjpeg warning");
        assertNotNull(ScaledJpeg.atOneEighth(ByteBuffer.wrap(withAdobe(noJfif, 1)), false, null));
        byte[] jfifAndRgbIds = withRgbIds(TestImages.progressiveJpeg(photo, 90, 1, 1));
        assertThrows(DecodeException.class, () -> ScaledJpeg.atOneEighth(ByteBuffer.wrap(jfifAndRgbIds), false,
                null), "JFIF decides YCbCr whatever the ids; the scans, naming ids 1, 2, 3, no longer match the frame");
    }

    /** The last quarter of the coded data overwritten with bytes no Huffman table reads as a valid block. */
    private static byte[] damaged(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        Arrays.fill(copy, copy.length * 3 / 4, copy.length - 2, (byte) 0xFE);
        return copy;
    }

    /** The JFIF APP0 segment renamed, so that libjpeg no longer sees a JFIF marker. */
    private static byte[] withoutJfif(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        int at = find(copy, 0xE0);
        assertEquals('J', copy[at + 4]);
        copy[at + 4] = 'X';
        return copy;
    }

    /** The frame's component ids set to R, G, B. */
    private static byte[] withRgbIds(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        int at = find(copy, 0xC2);
        copy[at + 10] = 'R';
        copy[at + 13] = 'G';
        copy[at + 16] = 'B';
        return copy;
    }

    /** An Adobe APP14 segment with {@code transform} inserted after SOI. */
    private static byte[] withAdobe(byte[] jpeg, int transform) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                (byte) transform});
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static int find(byte[] jpeg, int marker) {
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != marker) {
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return at;
    }
}
