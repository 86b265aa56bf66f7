package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sluice.api.contract.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdobeTransformsTest {
    private static final byte[] JPEG = TestImages.jpeg(TestImages.photo(16, 8, 3), 90);

    /** The code libjpeg assumes for each code a three-component frame's Adobe segment may carry, with and without JFIF. */
    @ParameterizedTest
    @CsvSource({"0, false, 0", "1, false, 1", "2, false, 1", "7, false, 1", "2, true, 2", "0, true, 0"})
    void aCodeThatDoesNotFitIsWrittenAsTheOneLibjpegAssumesOnACopy(int code, boolean jfif, int assumed) {
        byte[] input = withAdobe(code, jfif);
        ByteBuffer buffer = ByteBuffer.wrap(input);

        ByteBuffer handed = AdobeTransforms.asLibjpegAssumes(buffer);

        if (assumed == code) {
            assertSame(buffer, handed);
            return;
        }
        byte[] expected = withAdobe(assumed, jfif);
        byte[] got = new byte[handed.remaining()];
        handed.get(handed.position(), got);
        assertArrayEquals(expected, got);
        assertEquals(code, input[at(input)], "the caller's bytes are not written");
    }

    @Test
    void aJpegWithoutAnAdobeSegmentIsHandedOverItself() {
        ByteBuffer plain = ByteBuffer.wrap(JPEG);
        assertSame(plain, AdobeTransforms.asLibjpegAssumes(plain));
    }

    /** {@link #JPEG} with an Adobe segment carrying {@code code} after its start, its JFIF segment kept or left out. */
    private static byte[] withAdobe(int code, boolean jfif) {
        int jfifEnd = 4 + (((JPEG[4] & 0xFF) << 8) | (JPEG[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(JPEG, 0, jfif ? jfifEnd : 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) code});
        out.write(JPEG, jfifEnd, JPEG.length - jfifEnd);
        return out.toByteArray();
    }

    private static int at(byte[] jpeg) {
        return JpegProcesses.frame(ByteBuffer.wrap(jpeg)).orElseThrow().adobeTransformAt();
    }
}
