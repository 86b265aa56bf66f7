package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.ascii;
import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u16;
import static dev.sluice.api.spi.Bytes.u32;
import static dev.sluice.api.spi.Bytes.u8;
import static dev.sluice.api.spi.ImageHeader.BYTES;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;
import java.util.Locale;

/** The headers of GIF (logical screen), BMP (DIB header) and WebP (RIFF chunks), all little-endian. */
final class ContainerHeaders {
    private ContainerHeaders() {
    }

    /** {@code "gif"}, {@code "bmp"} or {@code "webp"} by the signature {@code data} starts with, or null when none. */
    static String formatOf(ByteBuffer data) {
        if (ascii(data, 0, "GIF87a") || ascii(data, 0, "GIF89a")) {
            return "gif";
        }
        if (ascii(data, 0, "BM") && has(data, 14, 4)) {
            return "bmp";
        }
        if (ascii(data, 0, "RIFF") && ascii(data, 8, "WEBP")) {
            return "webp";
        }
        return null;
    }

    /** The header of a GIF, BMP or WebP, or null when the data is none of them. */
    static ImageHeader read(ByteBuffer data) throws DecodeException {
        String format = formatOf(data);
        if (format == null) {
            return null;
        }
        return switch (format) {
            case "gif" -> gif(data);
            case "bmp" -> bmp(data);
            default -> webp(data);
        };
    }

    /**
     * A GIF's size as PIL gives it: its logical screen, grown to hold the first frame where that
     * frame reaches past the screen's right or bottom edge. A frame descriptor that claims billions
     * of pixels on a small screen is how a GIF decompression bomb looks.
     */
    private static ImageHeader gif(ByteBuffer data) throws DecodeException {
        if (!has(data, 6, 7)) {
            throw new DecodeException(BYTES, "truncated GIF: the data ends inside the logical screen header");
        }
        int screenWidth = u16(data, 6, false);
        int screenHeight = u16(data, 8, false);
        ImageHeader screen = sized("gif", screenWidth, screenHeight, 1);
        int flags = u8(data, 10);
        long at = 13 + ((flags & 0x80) != 0 ? 3L << ((flags & 7) + 1) : 0);
        while (has(data, at, 1)) {
            int block = u8(data, (int) at);
            if (block == 0x2C && has(data, at, 9)) {
                long right = u16(data, (int) at + 1, false) + (long) u16(data, (int) at + 5, false);
                long bottom = u16(data, (int) at + 3, false) + (long) u16(data, (int) at + 7, false);
                return sized("gif", Math.max(screenWidth, right), Math.max(screenHeight, bottom), 1);
            }
            if (block != 0x21 || !has(data, at, 3)) {
                break;
            }
            at += 2;
            while (has(data, at, 1) && u8(data, (int) at) != 0) {
                at += 1 + u8(data, (int) at);
            }
            at++;
        }
        return screen;
    }

    private static ImageHeader bmp(ByteBuffer data) throws DecodeException {
        long headerSize = u32(data, 14, false);
        if (headerSize == 12) {
            if (!has(data, 18, 4)) {
                throw new DecodeException(BYTES, "truncated BMP: the data ends inside the bitmap header");
            }
            return sized("bmp", u16(data, 18, false), u16(data, 20, false), 1);
        }
        if (!has(data, 18, 8)) {
            throw new DecodeException(BYTES, "truncated BMP: the data ends inside the bitmap header");
        }
        long width = (int) u32(data, 18, false);
        long height = Math.abs((long) (int) u32(data, 22, false));
        return sized("bmp", width, height, 1);
    }

    private static ImageHeader webp(ByteBuffer data) throws DecodeException {
        if (ascii(data, 12, "VP8 ") && has(data, 20, 10)) {
            if (u8(data, 23) != 0x9D || u8(data, 24) != 0x01 || u8(data, 25) != 0x2A) {
                throw new DecodeException(BYTES, "corrupt WebP: the VP8 frame has no start code");
            }
            return sized("webp", u16(data, 26, false) & 0x3FFF, u16(data, 28, false) & 0x3FFF, 1);
        }
        if (ascii(data, 12, "VP8L") && has(data, 20, 5)) {
            long bits = u32(data, 21, false);
            return sized("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, 1);
        }
        if (ascii(data, 12, "VP8X") && has(data, 20, 10)) {
            long width = (u32(data, 24, false) & 0xFFFFFF) + 1;
            long height = (u32(data, 27, false) & 0xFFFFFF) + 1;
            return sized("webp", width, height, webpOrientation(data));
        }
        throw new DecodeException(BYTES, "truncated or unsupported WebP: no VP8, VP8L or VP8X chunk with a frame header");
    }

    /** The orientation in a WebP's EXIF chunk, with or without the JPEG-style "Exif" prefix; 1 when absent. */
    private static int webpOrientation(ByteBuffer data) {
        long at = 12;
        while (has(data, at, 8)) {
            long size = u32(data, (int) at + 4, false);
            if (!has(data, at + 8, size)) {
                return 1;
            }
            if (ascii(data, (int) at, "EXIF")) {
                int body = (int) at + 8;
                int skip = ascii(data, body, "Exif\0\0") ? 6 : 0;
                return TiffHeaders.orientation(data.slice(body + skip, (int) size - skip));
            }
            at += 8 + size + (size & 1);
        }
        return 1;
    }

    private static ImageHeader sized(String format, long width, long height, int orientation) throws DecodeException {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new DecodeException(BYTES, "the " + format.toUpperCase(Locale.ROOT) + " header declares a "
                    + width + "x" + height + " image, which cannot be decoded");
        }
        return new ImageHeader(format, (int) width, (int) height, orientation);
    }
}
