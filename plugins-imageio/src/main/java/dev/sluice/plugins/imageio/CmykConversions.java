package dev.sluice.plugins.imageio;

import java.awt.image.Raster;

/**
 * Four-channel images to RGB without colour management, as libjpeg, libtiff, OpenCV and PIL convert
 * them: the result agrees with {@code cv2.imread} within a level or two, where an ICC-managed
 * conversion (TwelveMonkeys' default for CMYK) differs by tens of levels.
 *
 * <ul>
 *   <li>Adobe CMYK JPEG: the samples are stored inverted (255 = no ink). OpenCV converts libjpeg's
 *       output with {@code R = K - ((255 - C) * K >> 8)}, likewise G from M and B from Y.
 *   <li>YCCK JPEG (Adobe transform 2): Y, Cb, Cr go to R, G, B by the JFIF equations in libjpeg's
 *       16-bit fixed point; libjpeg's CMYK is then {@code 255 - R} etc., and the formula above
 *       reduces to {@code R = K - (R * K >> 8)}.
 *   <li>TIFF CMYK (photometric separated, 255 = full ink): libtiff's
 *       {@code R = (255 - K) * (255 - C) / 255}.
 * </ul>
 */
final class CmykConversions {
    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fixed(1.40200) * x + ONE_HALF) >> SCALE_BITS;
            CB_B[i] = (fixed(1.77200) * x + ONE_HALF) >> SCALE_BITS;
            CR_G[i] = -fixed(0.71414) * x;
            CB_G[i] = -fixed(0.34414) * x + ONE_HALF;
        }
    }

    private CmykConversions() {
    }

    private static int fixed(double value) {
        return (int) (value * (1 << SCALE_BITS) + 0.5);
    }

    /** The raw four-band raster of a CMYK ({@code ycck} false) or YCCK JPEG as RGB. */
    static PixelBuffer jpegToRgb(Raster raster, boolean ycck) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[width * height * 3];
        int[] row = new int[width * 4];
        int at = 0;
        for (int y = 0; y < height; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            for (int x = 0; x < width * 4; x += 4) {
                int k = row[x + 3];
                if (ycck) {
                    int luma = row[x];
                    int cb = row[x + 1];
                    int cr = row[x + 2];
                    out[at++] = (byte) (k - (clamp(luma + CR_R[cr]) * k >> 8));
                    out[at++] = (byte) (k - (clamp(luma + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS)) * k >> 8));
                    out[at++] = (byte) (k - (clamp(luma + CB_B[cb]) * k >> 8));
                } else {
                    out[at++] = (byte) (k - ((255 - row[x]) * k >> 8));
                    out[at++] = (byte) (k - ((255 - row[x + 1]) * k >> 8));
                    out[at++] = (byte) (k - ((255 - row[x + 2]) * k >> 8));
                }
            }
        }
        return new PixelBuffer(width, height, 3, out);
    }

    /** An 8-bit separated (CMYK, 255 = full ink) raster as RGB; bands past the fourth (extra alpha) are ignored. */
    static PixelBuffer tiffToRgb(Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        byte[] out = new byte[width * height * 3];
        int[] row = new int[width * bands];
        int at = 0;
        for (int y = 0; y < height; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            for (int x = 0; x < width * bands; x += bands) {
                int white = 255 - row[x + 3];
                out[at++] = (byte) (white * (255 - row[x]) / 255);
                out[at++] = (byte) (white * (255 - row[x + 1]) / 255);
                out[at++] = (byte) (white * (255 - row[x + 2]) / 255);
            }
        }
        return new PixelBuffer(width, height, 3, out);
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
