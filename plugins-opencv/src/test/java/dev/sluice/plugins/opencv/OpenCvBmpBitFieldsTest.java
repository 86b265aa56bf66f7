package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.TestImages;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * BMPs with {@code BI_BITFIELDS} masks, written here: OpenCV reads 32-bit pixels as B, G, R, A
 * bytes whatever the masks say, so the standard masks decode exactly and any others are refused
 * (bmpsuite's {@code rgb32bf.bmp} came out with a mean error of 73 levels as a success).
 */
class OpenCvBmpBitFieldsTest {
    private static final Image PHOTO = TestImages.photo(13, 7, 3);

    private static ImageDecoder decoder() {
        return new OpenCvDecoderProvider().create(Options.empty());
    }

    @Test
    void thirtyTwoBitBitFieldsWithTheStandardMasksDecodeExactly() throws Exception {
        byte[] bmp = bitFields(PHOTO, 0x00FF0000, 0x0000FF00, 0x000000FF);
        assertEquals(PHOTO, decoder().decode(ByteBuffer.wrap(bmp), DecodeOptions.DEFAULT));
    }

    @Test
    void thirtyTwoBitBitFieldsWithOtherMasksAreRefusedAsUnsupportedNotReturnedInWrongColours() {
        byte[] bmp = bitFields(PHOTO, 0xFF000000, 0x00000FF0, 0x00FF0000);
        DecodeException refused = assertThrows(UnsupportedImageException.class,
                () -> decoder().decode(ByteBuffer.wrap(bmp), DecodeOptions.DEFAULT));
        assertTrue(refused.reason().startsWith("unsupported BMP variant: 32-bit bit fields with the masks R FF000000, "
                + "G 00000FF0, B 00FF0000"), refused::getMessage);
        assertTrue(refused.reason().endsWith("the imageio decoder reads them"), refused::getMessage);
    }

    /** A bottom-up 32-bit BMP with a 40-byte header and the three masks after it, each channel 8 bits wide. */
    static byte[] bitFields(Image image, int red, int green, int blue) {
        int width = image.width();
        int height = image.height();
        int offset = 14 + 40 + 12;
        ByteBuffer bmp = ByteBuffer.allocate(offset + width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(bmp.capacity()).putInt(0).putInt(offset);
        bmp.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 32).putInt(3)
                .putInt(width * height * 4).putInt(2835).putInt(2835).putInt(0).putInt(0);
        bmp.putInt(red).putInt(green).putInt(blue);
        for (int y = height - 1; y >= 0; y--) {
            for (int x = 0; x < width; x++) {
                bmp.putInt(place(image.get(x, y, 0), red) | place(image.get(x, y, 1), green) | place(image.get(x, y, 2), blue));
            }
        }
        return bmp.array();
    }

    private static int place(int sample, int mask) {
        return sample << Integer.numberOfTrailingZeros(mask);
    }
}
