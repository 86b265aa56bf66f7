package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.spi.JpegCoefficients.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The coefficients of {@link JpegCoefficients#decode}: every block of every component once, at its
 * place, dequantised, from the same walk (and with the same refusals) as the strict check.
 */
class JpegCoefficientsTest {

    /** Records what a decode passes on. */
    private static final class Recorder implements JpegCoefficients.Blocks {
        final int need;
        final boolean accept;
        Frame frame;
        final Map<String, int[]> blocks = new HashMap<>();

        Recorder(int need, boolean accept) {
            this.need = need;
            this.accept = accept;
        }

        @Override
        public boolean begin(Frame header) {
            frame = header;
            return accept;
        }

        @Override
        public int coefficients(int component) {
            return need;
        }

        @Override
        public void block(int component, int row, int column, int[] coefficients) {
            int[] previous = blocks.put(component + ":" + row + ":" + column, coefficients.clone());
            assertNull(previous, "block " + component + ":" + row + ":" + column + " passed twice");
        }
    }

    @Test
    void everyBlockOfEveryComponentArrivesOnceAtItsPlace() throws DecodeException {
        // 101 x 67 at 4:2:0: luma 13 x 9 blocks, chroma 7 x 5; the MCUs' padding blocks are not passed.
        byte[] jpeg = TestImages.jpeg(TestImages.photo(101, 67, 3), 90);
        Recorder all = new Recorder(64, true);
        assertTrue(JpegCoefficients.decode(ByteBuffer.wrap(jpeg), all));
        assertEquals(List.of(new JpegCoefficients.Component(1, 2, 2, 13, 9), new JpegCoefficients.Component(2, 1, 1, 7, 5),
                new JpegCoefficients.Component(3, 1, 1, 7, 5)), all.frame.components());
        assertEquals(101 + "x" + 67 + " " + 2 + "x" + 2, all.frame.width() + "x" + all.frame.height() + " "
                + all.frame.maxHorizontal() + "x" + all.frame.maxVertical());
        assertEquals(13 * 9 + 2 * 7 * 5, all.blocks.size());
        assertTrue(all.blocks.containsKey("0:8:12") && all.blocks.containsKey("2:4:6"));

        Recorder dcOnly = new Recorder(1, true);
        assertTrue(JpegCoefficients.decode(ByteBuffer.wrap(jpeg), dcOnly));
        for (Map.Entry<String, int[]> block : all.blocks.entrySet()) {
            int[] dc = dcOnly.blocks.get(block.getKey());
            assertEquals(block.getValue()[0], dc[0], block.getKey());
            assertArrayEquals(new int[63], Arrays.copyOfRange(dc, 1, 64), block.getKey() + ": AC passed as zeros");
        }
    }

    @Test
    void aFlatImageHasItsLevelInEveryDcCoefficientAndNoAc() throws DecodeException {
        // A uniform level L codes exactly: each block's dequantised DC is 8 * (L - 128), its AC all zero.
        byte[] flat = new byte[40 * 24];
        Arrays.fill(flat, (byte) 200);
        byte[] jpeg = TestImages.jpeg(Image.wrap(40, 24, 1, flat), 75);
        Recorder recorder = new Recorder(64, true);
        assertTrue(JpegCoefficients.decode(ByteBuffer.wrap(jpeg), recorder));
        assertEquals(15, recorder.blocks.size());
        int[] expected = new int[64];
        expected[0] = 8 * (200 - 128);
        for (Map.Entry<String, int[]> block : recorder.blocks.entrySet()) {
            int[] coefficients = block.getValue();
            // The quantiser rounds the DC to its step: within half a step of 576.
            assertTrue(Math.abs(coefficients[0] - expected[0]) <= 8, block.getKey() + ": DC " + coefficients[0]);
            assertArrayEquals(new int[63], Arrays.copyOfRange(coefficients, 1, 64), block.getKey());
        }
    }

    @Test
    void aDecliningSinkGetsNoBlocksButTheDataIsStillChecked() throws DecodeException {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(64, 48, 3), 90);
        Recorder declining = new Recorder(64, false);
        assertFalse(JpegCoefficients.decode(ByteBuffer.wrap(jpeg), declining));
        assertTrue(declining.blocks.isEmpty());

        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        DecodeException walk = assertThrows(DecodeException.class, () -> ImageHeader.read(ByteBuffer.wrap(cut), DecodeOptions.DEFAULT));
        DecodeException declined = assertThrows(DecodeException.class,
                () -> JpegCoefficients.decode(ByteBuffer.wrap(cut), new Recorder(64, false)));
        DecodeException decoding = assertThrows(DecodeException.class,
                () -> JpegCoefficients.decode(ByteBuffer.wrap(cut), new Recorder(64, true)));
        assertEquals(walk.getMessage(), declined.getMessage());
        assertEquals(walk.getMessage(), decoding.getMessage());
        assertThrows(DecodeException.class, () -> JpegCoefficients.verify(ByteBuffer.wrap(cut)));
    }

    /**
     * A progressive JPEG holds the quantised coefficients of the baseline one the same writer makes
     * at the same quality: asked for DC alone, it passes the same DC coefficients, once its last scan
     * (AC refinements included) has been walked; asked for all, it passes nothing.
     */
    @Test
    void aProgressiveJpegPassesItsDcCoefficientsOnly() throws DecodeException {
        Image photo = TestImages.photo(101, 67, 3);
        byte[] progressive = TestImages.progressiveJpeg(photo, 90);
        Recorder all = new Recorder(64, true);
        assertFalse(JpegCoefficients.decode(ByteBuffer.wrap(progressive), all));
        assertTrue(all.frame.progressive());
        assertTrue(all.blocks.isEmpty());

        Recorder dc = new Recorder(1, true);
        assertTrue(JpegCoefficients.decode(ByteBuffer.wrap(progressive), dc));
        Recorder baseline = new Recorder(1, true);
        assertTrue(JpegCoefficients.decode(ByteBuffer.wrap(TestImages.jpeg(photo, 90)), baseline));
        assertFalse(baseline.frame.progressive());
        assertEquals(baseline.blocks.keySet(), dc.blocks.keySet());
        for (Map.Entry<String, int[]> block : baseline.blocks.entrySet()) {
            assertArrayEquals(block.getValue(), dc.blocks.get(block.getKey()), block.getKey());
        }
    }

    @Test
    void aScanWhoseQuantisationTableIsMissingIsRefusedWhenDecoding() throws DecodeException {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(64, 48, 1), 90);
        List<Byte> kept = new ArrayList<>();
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xDA) {
            int end = at + 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
            if ((jpeg[at + 1] & 0xFF) != 0xDB) {
                for (int i = at; i < end; i++) {
                    kept.add(jpeg[i]);
                }
            }
            at = end;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        kept.forEach(out::write);
        out.write(jpeg, at, jpeg.length - at);
        byte[] withoutTables = out.toByteArray();
        JpegCoefficients.verify(ByteBuffer.wrap(withoutTables));
        DecodeException refused = assertThrows(DecodeException.class,
                () -> JpegCoefficients.decode(ByteBuffer.wrap(withoutTables), new Recorder(64, true)));
        assertTrue(refused.reason().contains("needs quantisation table 0 for component 1, which no DQT segment before it defines"),
                refused::getMessage);
    }
}
