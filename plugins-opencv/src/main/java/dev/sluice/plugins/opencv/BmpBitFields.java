package dev.sluice.plugins.opencv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The BMP bit-field layouts OpenCV 4.9 reads right. Its BMP reader takes the masks of a
 * {@code BI_BITFIELDS} image only to tell 5-6-5 from 5-5-5 at 16 bits, and reads 32 bits as
 * B, G, R, A bytes whatever the masks say, so other masks come out as wrong colours without an
 * error (bmpsuite's {@code rgb32bf.bmp}: a mean error of 73 levels).
 */
final class BmpBitFields {
    /** The offset of the red, green and blue masks: after the 14-byte file header and a 40-byte or longer DIB header. */
    private static final int MASKS = 14 + 40;
    private static final int BI_BITFIELDS = 3;
    private static final int BI_ALPHABITFIELDS = 6;

    private BmpBitFields() {
    }

    /**
     * Why OpenCV cannot decode the BMP in {@code encoded} (position to limit), or null when it
     * stores no bit fields or the standard ones: B, G, R bytes at 32 bits; 5-6-5 or 5-5-5 at 16.
     */
    static String unsupported(ByteBuffer encoded) {
        ByteBuffer data = encoded.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (data.limit() < MASKS + 12 || data.getInt(14) < 40) {
            return null;
        }
        int compression = data.getInt(30);
        if (compression != BI_BITFIELDS && compression != BI_ALPHABITFIELDS) {
            return null;
        }
        int bits = data.getShort(28);
        int red = data.getInt(MASKS);
        int green = data.getInt(MASKS + 4);
        int blue = data.getInt(MASKS + 8);
        boolean standard = bits == 32 ? red == 0xFF0000 && green == 0xFF00 && blue == 0xFF
                : bits == 16 && blue == 0x1F && (red == 0xF800 && green == 0x7E0 || red == 0x7C00 && green == 0x3E0);
        return standard ? null : String.format("unsupported BMP variant: %d-bit bit fields with the masks R %08X, G %08X, "
                + "B %08X are not supported by the opencv decoder (OpenCV reads only the standard layouts and would return "
                + "wrong colours); the imageio decoder reads them", bits, red, green, blue);
    }
}
