package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.Region;
import java.nio.ByteOrder;

/**
 * The one pass from a native {@link Raster} to Sluice's interleaved RGB or grey samples: the layout
 * conversion (PIX words, CMYK, grey expansion), the EXIF turn and the region cut happen together,
 * and each output byte is written once. Source rows are read in order, each as one bulk copy out of
 * native memory; a row lands in the output as a row (orientations 1 to 4, mirrored for 2 and 3) or
 * as a column (5 to 8, turned by a quarter).
 */
final class RasterCopy {
    /** libjpeg's fixed-point BT.601 luma weights (FIX(0.299), FIX(0.587), FIX(0.114)), as its rgb_gray. */
    private static final int LUMA_R = 19595;
    private static final int LUMA_G = 38470;
    private static final int LUMA_B = 7471;
    private static final int HALF = 1 << 15;
    /** Where R, G and B sit in a PIX word's bytes, and which byte of a word holds the leftmost grey pixel. */
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final int PIX_R = LITTLE_ENDIAN ? 3 : 0;
    private static final int PIX_G = LITTLE_ENDIAN ? 2 : 1;
    private static final int PIX_B = LITTLE_ENDIAN ? 1 : 2;
    private static final int PIX_GREY_SWAP = LITTLE_ENDIAN ? 3 : 0;

    private RasterCopy() {
    }

    /**
     * Writes the pixels of {@code region} of the raster as shown after {@code orientation} into
     * {@code out}, {@code channels} (1 or 3) samples per pixel, rows top to bottom.
     *
     * @param orientation EXIF orientation 1 to 8; 1 when it is not to be applied
     * @param region a rectangle inside the raster as shown (width and height swapped for 5 to 8)
     * @param out at least {@code region.width() * region.height() * channels} bytes, of which those are written
     */
    static void copy(Raster raster, int orientation, Region region, int channels, byte[] out) {
        int w = raster.width();
        int h = raster.height();
        int rx = region.x();
        int ry = region.y();
        int lastX = rx + region.width() - 1;
        int lastY = ry + region.height() - 1;
        boolean turned = orientation >= 5;
        // The source rectangle under the region: shown columns come from source rows when turned.
        int sx0 = sourceX(orientation, rx, ry, w);
        int sx1 = sourceX(orientation, lastX, lastY, w);
        int sy0 = sourceY(orientation, rx, ry, h);
        int sy1 = sourceY(orientation, lastX, lastY, h);
        int fromX = Math.min(sx0, sx1);
        int count = Math.abs(sx1 - sx0) + 1;
        int fromY = Math.min(sy0, sy1);
        int toY = Math.max(sy0, sy1);
        int pixelStep = switch (orientation) {
            case 1, 4 -> channels;
            case 2, 3 -> -channels;
            case 5, 6 -> region.width() * channels;
            default -> -region.width() * channels;
        };
        byte[] packed = new byte[count * 4 + 8];
        int[] words = raster.layout() == RasterLayout.PIX_RGB ? new int[count] : null;
        byte[] row = pixelStep == channels ? null : new byte[count * channels];
        for (int sy = fromY; sy <= toY; sy++) {
            int shownX = turned ? shownXTurned(orientation, sy, h) : shownXStraight(orientation, fromX, w);
            int shownY = turned ? shownYTurned(orientation, fromX, w) : shownYStraight(orientation, sy, h);
            int at = ((shownY - ry) * region.width() + (shownX - rx)) * channels;
            if (row == null) {
                unpack(raster, sy, fromX, count, channels, packed, words, out, at);
            } else {
                unpack(raster, sy, fromX, count, channels, packed, words, row, 0);
                scatter(row, count, channels, out, at, pixelStep);
            }
        }
    }

    private static int sourceX(int orientation, int x, int y, int w) {
        return switch (orientation) {
            case 1, 4 -> x;
            case 2, 3 -> w - 1 - x;
            case 5, 6 -> y;
            default -> w - 1 - y;
        };
    }

    private static int sourceY(int orientation, int x, int y, int h) {
        return switch (orientation) {
            case 1, 2 -> y;
            case 3, 4 -> h - 1 - y;
            case 5, 8 -> x;
            default -> h - 1 - x;
        };
    }

    private static int shownXStraight(int orientation, int sx, int w) {
        return orientation == 1 || orientation == 4 ? sx : w - 1 - sx;
    }

    private static int shownYStraight(int orientation, int sy, int h) {
        return orientation <= 2 ? sy : h - 1 - sy;
    }

    private static int shownXTurned(int orientation, int sy, int h) {
        return orientation == 5 || orientation == 8 ? sy : h - 1 - sy;
    }

    private static int shownYTurned(int orientation, int sx, int w) {
        return orientation == 5 || orientation == 6 ? sx : w - 1 - sx;
    }

    /** Places {@code count} pixels of {@code row}, the first at {@code at}, each {@code step} bytes after the last. */
    private static void scatter(byte[] row, int count, int channels, byte[] out, int at, int step) {
        int to = at;
        if (channels == 3) {
            for (int i = 0; i < count * 3; i += 3) {
                out[to] = row[i];
                out[to + 1] = row[i + 1];
                out[to + 2] = row[i + 2];
                to += step;
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[to] = row[i];
                to += step;
            }
        }
    }

    /**
     * Converts {@code count} pixels of source row {@code sy} from column {@code sx} into
     * {@code channels} samples each at {@code dst[at...]}; {@code packed} and {@code words} are scratch
     * for the source bytes and PIX words.
     */
    private static void unpack(Raster raster, int sy, int sx, int count, int channels, byte[] packed, int[] words,
            byte[] dst, int at) {
        int rowStart = sy * raster.rowStride();
        switch (raster.layout()) {
            case RGB -> {
                requireChannels(raster, channels, 3);
                raster.bytes().get(rowStart + sx * 3, dst, at, count * 3);
            }
            case GRAY -> {
                if (channels == 1) {
                    raster.bytes().get(rowStart + sx, dst, at, count);
                } else {
                    raster.bytes().get(rowStart + sx, packed, 0, count);
                    expandGrey(packed, 0, count, dst, at);
                }
            }
            case PIX_GRAY -> {
                int firstWord = sx & ~3;
                int span = ((sx + count + 3) & ~3) - firstWord;
                raster.bytes().get(rowStart + firstWord, packed, 0, span);
                int shift = sx - firstWord;
                for (int i = 0; i < count; i++) {
                    byte grey = packed[(i + shift) ^ PIX_GREY_SWAP];
                    if (channels == 1) {
                        dst[at + i] = grey;
                    } else {
                        dst[at + 3 * i] = grey;
                        dst[at + 3 * i + 1] = grey;
                        dst[at + 3 * i + 2] = grey;
                    }
                }
            }
            case PIX_RGB -> {
                if (channels == 3) {
                    raster.words().get(rowStart / 4 + sx, words, 0, count);
                    rgbFromWords(words, count, dst, at);
                } else {
                    raster.bytes().get(rowStart + sx * 4, packed, 0, count * 4);
                    rgbFromQuads(packed, count, PIX_R, PIX_G, PIX_B, channels, dst, at);
                }
            }
            case CMYK -> {
                raster.bytes().get(rowStart + sx * 4, packed, 0, count * 4);
                rgbFromCmyk(packed, count);
                rgbFromQuads(packed, count, 0, 1, 2, channels, dst, at);
            }
        }
    }

    /** PIX words ({@code R << 24 | G << 16 | B << 8}) to RGB: one load per pixel, whatever the byte order. */
    private static void rgbFromWords(int[] words, int count, byte[] dst, int at) {
        for (int i = 0, o = at; i < count; i++, o += 3) {
            int word = words[i];
            dst[o] = (byte) (word >>> 24);
            dst[o + 1] = (byte) (word >>> 16);
            dst[o + 2] = (byte) (word >>> 8);
        }
    }

    private static void requireChannels(Raster raster, int channels, int expected) {
        if (channels != expected) {
            throw new IllegalStateException("a " + raster.layout() + " raster gives " + expected + " channels, not "
                    + channels);
        }
    }

    private static void expandGrey(byte[] grey, int from, int count, byte[] dst, int at) {
        for (int i = 0; i < count; i++) {
            byte value = grey[from + i];
            dst[at + 3 * i] = value;
            dst[at + 3 * i + 1] = value;
            dst[at + 3 * i + 2] = value;
        }
    }

    /** Four-byte pixels with R, G and B at the given offsets into RGB, or into their luma for one channel. */
    private static void rgbFromQuads(byte[] quads, int count, int r, int g, int b, int channels, byte[] dst, int at) {
        if (channels == 3) {
            for (int i = 0, q = 0, o = at; i < count; i++, q += 4, o += 3) {
                dst[o] = quads[q + r];
                dst[o + 1] = quads[q + g];
                dst[o + 2] = quads[q + b];
            }
        } else {
            for (int i = 0, q = 0; i < count; i++, q += 4) {
                int luma = LUMA_R * (quads[q + r] & 0xFF) + LUMA_G * (quads[q + g] & 0xFF)
                        + LUMA_B * (quads[q + b] & 0xFF) + HALF;
                dst[at + i] = (byte) (luma >> 16);
            }
        }
    }

    /**
     * CMYK as libjpeg stores Adobe files (inverted: 255 is no ink) to RGB in place, R in byte 0, as
     * {@code cv2.imread} converts: {@code R = K - ((255 - C) * K >> 8)}, within one level of
     * {@code C * K / 255} (libjpeg-turbo's and PIL's), with no colour management.
     */
    private static void rgbFromCmyk(byte[] quads, int count) {
        for (int q = 0; q < count * 4; q += 4) {
            int k = quads[q + 3] & 0xFF;
            quads[q] = (byte) (k - ((255 - (quads[q] & 0xFF)) * k >> 8));
            quads[q + 1] = (byte) (k - ((255 - (quads[q + 1] & 0xFF)) * k >> 8));
            quads[q + 2] = (byte) (k - ((255 - (quads[q + 2] & 0xFF)) * k >> 8));
        }
    }
}
