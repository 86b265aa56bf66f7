package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.ascii;
import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u32;
import static dev.sluice.api.spi.Bytes.u8;
import static dev.sluice.api.spi.ImageHeader.BYTES;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;

/** A PNG's IHDR chunk for the size, and its {@code eXIf} chunk, if one comes before the image data, for the orientation. */
final class PngHeaders {
    private static final int[] SIGNATURE = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngHeaders() {
    }

    static boolean matches(ByteBuffer data) {
        if (!has(data, 0, SIGNATURE.length)) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (u8(data, i) != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    static ImageHeader read(ByteBuffer data) throws DecodeException {
        if (!has(data, 8, 8 + 13) || !ascii(data, 12, "IHDR")) {
            throw new DecodeException(BYTES, has(data, 8, 8) && !ascii(data, 12, "IHDR")
                    ? "corrupt PNG: the first chunk is not IHDR" : "truncated PNG: the data ends inside the IHDR header");
        }
        long width = u32(data, 16, true);
        long height = u32(data, 20, true);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new DecodeException(BYTES, "the PNG header declares a " + width + "x" + height
                    + " image, which is not a valid PNG size");
        }
        return new ImageHeader("png", (int) width, (int) height, orientation(data));
    }

    /** Walks the chunks up to the first IDAT; a damaged chunk list just ends the search. */
    private static int orientation(ByteBuffer data) {
        long at = 8;
        while (has(data, at, 8)) {
            long length = u32(data, (int) at, true);
            int type = (int) at + 4;
            if (ascii(data, type, "IDAT") || ascii(data, type, "IEND") || !has(data, at + 8, length)) {
                return 1;
            }
            if (ascii(data, type, "eXIf")) {
                return TiffHeaders.orientation(data.slice((int) at + 8, (int) length));
            }
            at += 12 + length;
        }
        return 1;
    }
}
