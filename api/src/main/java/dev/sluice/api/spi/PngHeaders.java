package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.ascii;
import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u32;
import static dev.sluice.api.spi.Bytes.u8;
import static dev.sluice.api.spi.ImageHeader.BYTES;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A PNG's IHDR chunk for the size, its {@code eXIf} chunk for the orientation, and the chunk list
 * checked as libpng checks it: every chunk whole, the CRC of every critical chunk (IHDR, PLTE, IDAT,
 * IEND) right, an IEND at the end, and the IHDR's fields one of the layouts PNG defines. A bad CRC
 * in an ancillary chunk is ignored, as libpng ignores it by default. The JDK's PNG reader checks no
 * CRC at all, so without this the two backends would disagree on damaged files.
 */
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
        int orientation = walkChunks(data);
        requireDefinedLayout(data);
        return new ImageHeader("png", (int) width, (int) height, orientation);
    }

    /**
     * The IHDR's bit depth, colour type, compression, filter and interlace methods, checked as
     * libpng's {@code png_check_IHDR} checks them: a decoder built on libpng would otherwise refuse
     * the file with an error of libpng's own on the standard error stream, before its caller can say why.
     */
    private static void requireDefinedLayout(ByteBuffer data) throws DecodeException {
        int depth = u8(data, 24);
        int colourType = u8(data, 25);
        if (colourType != 0 && colourType != 2 && colourType != 3 && colourType != 4 && colourType != 6) {
            throw new DecodeException(BYTES, "corrupt PNG: the IHDR chunk declares colour type " + colourType
                    + ", which PNG does not define (0, 2, 3, 4 or 6)");
        }
        boolean definedDepth = switch (colourType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            default -> depth == 8 || depth == 16;
        };
        if (!definedDepth) {
            throw new DecodeException(BYTES, "corrupt PNG: the IHDR chunk declares a bit depth of " + depth
                    + " for colour type " + colourType + ", a combination PNG does not define");
        }
        String[] methods = {"compression", "filter", "interlace"};
        int[] largest = {0, 0, 1};
        for (int i = 0; i < methods.length; i++) {
            int method = u8(data, 26 + i);
            if (method > largest[i]) {
                throw new DecodeException(BYTES, "corrupt PNG: the IHDR chunk declares " + methods[i] + " method " + method
                        + ", which PNG does not define");
            }
        }
    }

    /** Checks the chunks to IEND and returns the orientation of the first {@code eXIf} chunk, or 1. */
    private static int walkChunks(ByteBuffer data) throws DecodeException {
        int orientation = 0;
        long at = 8;
        CRC32 crc = new CRC32();
        while (has(data, at, 8)) {
            long length = u32(data, (int) at, true);
            String type = new String(new byte[] {data.get((int) at + 4), data.get((int) at + 5),
                    data.get((int) at + 6), data.get((int) at + 7)}, StandardCharsets.ISO_8859_1);
            if (!has(data, at + 8, length + 4)) {
                throw new DecodeException(BYTES, "truncated PNG: the data ends inside the " + shown(type) + " chunk at byte " + at);
            }
            int body = (int) at + 8;
            if (PngChunks.critical(data, (int) at)) {
                if (!PngChunks.crcMatches(data, (int) at, (int) length, crc)) {
                    throw new DecodeException(BYTES, "corrupt PNG: the CRC of the " + shown(type) + " chunk at byte " + at
                            + " does not match its data");
                }
            }
            if (type.equals("IEND")) {
                return Math.max(orientation, 1);
            }
            if (type.equals("eXIf") && orientation == 0) {
                orientation = TiffHeaders.orientation(data.slice(body, (int) length));
            }
            at += 12 + length;
        }
        throw new DecodeException(BYTES, "truncated PNG: the data ends before the IEND chunk");
    }

    /** A chunk type for a message: its name when it is four ASCII letters, as every real type is; never other bytes. */
    private static String shown(String type) {
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
                return "invalid-type";
            }
        }
        return type;
    }
}
