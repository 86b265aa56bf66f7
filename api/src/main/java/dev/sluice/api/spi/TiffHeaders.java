package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u16;
import static dev.sluice.api.spi.Bytes.u32;
import static dev.sluice.api.spi.Bytes.u8;
import static dev.sluice.api.spi.ImageHeader.BYTES;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;

/**
 * The first image file directory (IFD0) of a TIFF structure: of a TIFF file, for its size and
 * orientation, and of an EXIF block (which is a TIFF structure) for its orientation alone.
 */
final class TiffHeaders {
    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int ORIENTATION = 274;
    private static final int SHORT = 3;
    private static final int LONG = 4;

    private TiffHeaders() {
    }

    static boolean matches(ByteBuffer data) {
        return data.limit() >= 4 && byteOrder(data) != 0;
    }

    /** 'M' for big-endian, 'I' for little-endian, 0 when the first four bytes are no TIFF header. */
    private static int byteOrder(ByteBuffer data) {
        if (!has(data, 0, 4) || u8(data, 0) != u8(data, 1)) {
            return 0;
        }
        int order = u8(data, 0);
        if (order != 'M' && order != 'I') {
            return 0;
        }
        int magic = u16(data, 2, order == 'M');
        return magic == 42 || magic == 43 ? order : 0;
    }

    static ImageHeader read(ByteBuffer data) throws DecodeException {
        boolean big = byteOrder(data) == 'M';
        if (u16(data, 2, big) == 43) {
            throw new DecodeException(BYTES, "BigTIFF (a TIFF with 64-bit offsets) is not supported");
        }
        long[] values = firstDirectory(data, big);
        if (values == null) {
            throw new DecodeException(BYTES, "truncated or corrupt TIFF: its first image directory lies outside the data");
        }
        long width = values[0];
        long height = values[1];
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new DecodeException(BYTES, "the TIFF declares an image of " + width + "x" + height
                    + " pixels (ImageWidth, ImageLength), which cannot be decoded");
        }
        return new ImageHeader("tiff", (int) width, (int) height, orientation(values[2]));
    }

    /**
     * The orientation tag of the TIFF structure in {@code exif} (from its byte-order mark on), or 1
     * when it is absent, out of range, or the structure is damaged: EXIF is metadata, and a broken
     * block must not fail the decode of intact pixels.
     */
    static int orientation(ByteBuffer exif) {
        int order = byteOrder(exif);
        if (order == 0) {
            return 1;
        }
        long[] values = firstDirectory(exif, order == 'M');
        return values == null ? 1 : orientation(values[2]);
    }

    private static int orientation(long value) {
        return value >= 1 && value <= 8 ? (int) value : 1;
    }

    /** ImageWidth, ImageLength and Orientation of IFD0 (0 for an absent tag), or null if IFD0 is out of bounds. */
    private static long[] firstDirectory(ByteBuffer data, boolean big) {
        if (!has(data, 4, 4)) {
            return null;
        }
        long directory = u32(data, 4, big);
        if (!has(data, directory, 2)) {
            return null;
        }
        int entries = u16(data, (int) directory, big);
        long[] values = new long[3];
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (!has(data, entry, 12)) {
                return null;
            }
            int tag = u16(data, entry, big);
            int slot = tag == IMAGE_WIDTH ? 0 : tag == IMAGE_LENGTH ? 1 : tag == ORIENTATION ? 2 : -1;
            int type = u16(data, entry + 2, big);
            if (slot >= 0 && u32(data, entry + 4, big) >= 1) {
                values[slot] = type == SHORT ? u16(data, entry + 8, big) : type == LONG ? u32(data, entry + 8, big) : 0;
            }
        }
        return values;
    }
}
