package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.contract.TestImages;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JpegProcessesTest {
    private static final byte[] JPEG = TestImages.jpeg(TestImages.photo(37, 23, 3), 90);

    /** The offset of the baseline frame header (FF C0) the JDK writes after its other segments. */
    private static int frameHeader() {
        int at = 2;
        while ((JPEG[at + 1] & 0xFF) != 0xC0) {
            at += 2 + (((JPEG[at + 2] & 0xFF) << 8) | (JPEG[at + 3] & 0xFF));
        }
        return at;
    }

    @Test
    void baselineEightBitIsReadable() {
        assertEquals(Optional.empty(), JpegProcesses.unreadableBy8BitLibjpeg(ByteBuffer.wrap(JPEG)));
    }

    @Test
    void losslessAndOtherPrecisionsAreNamedWithTheirProcess() {
        byte[] lossless = JPEG.clone();
        lossless[frameHeader() + 1] = (byte) 0xC3;
        assertEquals(Optional.of("lossless JPEG (SOF3, 8-bit) is not read by an 8-bit libjpeg"),
                JpegProcesses.unreadableBy8BitLibjpeg(ByteBuffer.wrap(lossless)));
        byte[] twelveBit = JPEG.clone();
        twelveBit[frameHeader() + 1] = (byte) 0xC1;
        twelveBit[frameHeader() + 4] = 12;
        assertEquals(Optional.of("12-bit JPEG (SOF1, 12-bit) is not read by an 8-bit libjpeg"),
                JpegProcesses.unreadableBy8BitLibjpeg(ByteBuffer.wrap(twelveBit)));
    }

    @Test
    void readsFromThePositionAndMovesNothing() {
        ByteBuffer padded = ByteBuffer.allocate(JPEG.length + 5);
        padded.position(5);
        padded.put(JPEG);
        padded.position(5);
        padded.put(frameHeader() + 5 + 1, (byte) 0xC3);
        assertEquals("lossless", JpegProcesses.unreadableBy8BitLibjpeg(padded).orElseThrow().split(" ")[0]);
        assertEquals(5, padded.position());
    }

    @Test
    void theFrameSaysProcessPrecisionComponentsAndTheColourMarkers() {
        JpegProcesses.Frame frame = JpegProcesses.frame(ByteBuffer.wrap(JPEG)).orElseThrow();
        assertEquals(new JpegProcesses.Frame(0, 8, 3, true, -1, -1), frame);
        byte[] adobe = new byte[JPEG.length + 16];
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 2};
        System.arraycopy(JPEG, 0, adobe, 0, 2);
        System.arraycopy(app14, 0, adobe, 2, 16);
        System.arraycopy(JPEG, 2, adobe, 18, JPEG.length - 2);
        assertEquals(new JpegProcesses.Frame(0, 8, 3, true, 2, 17), JpegProcesses.frame(ByteBuffer.wrap(adobe)).orElseThrow());
        assertEquals(Optional.empty(), JpegProcesses.frame(ByteBuffer.wrap(Arrays.copyOf(JPEG, 20))));
    }
}
