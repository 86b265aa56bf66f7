package dev.sluice.plugins.opencv;

import java.nio.ByteBuffer;

/**
 * The JPEG coding processes the libjpeg-turbo 2.1 inside OpenCV 4.9 cannot decode, found from the
 * frame header so that the refusal can say what the file is rather than "could not decode".
 */
final class JpegFrames {
    private JpegFrames() {
    }

    /**
     * Why OpenCV cannot decode the JPEG in {@code encoded} (position to limit), or null when its
     * frame header is one OpenCV reads: lossless JPEG (SOF3, 7, 11, 15) and sample precisions other
     * than 8 bits are not supported. The header reader has already checked the marker structure.
     */
    static String unsupported(ByteBuffer encoded) {
        ByteBuffer data = encoded.slice();
        int at = 2;
        while (at + 9 < data.limit() && data.get(at) == (byte) 0xFF) {
            int marker = data.get(at + 1) & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xDA) {
                return null;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                int precision = data.get(at + 4) & 0xFF;
                if ((marker & 3) == 3) {
                    return "lossless JPEG (SOF" + (marker - 0xC0) + ", " + precision
                            + "-bit) is an unsupported JPEG process for OpenCV's libjpeg-turbo 2.1; the imageio decoder reads it";
                }
                return precision == 8 ? null : precision + "-bit JPEG (SOF" + (marker - 0xC0)
                        + ") is not supported by OpenCV's 8-bit libjpeg-turbo build";
            }
            at += 2 + (((data.get(at + 2) & 0xFF) << 8) | (data.get(at + 3) & 0xFF));
        }
        return null;
    }
}
