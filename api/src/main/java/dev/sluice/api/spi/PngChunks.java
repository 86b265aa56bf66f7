package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.ascii;
import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u32;
import static dev.sluice.api.spi.Bytes.u8;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * A PNG's chunks as a decoder built on libpng should hand them over. libpng skips an ancillary chunk
 * whose CRC does not match its data (its default), but first prints a warning, and often a second
 * one about the chunk's content, on the process's standard error stream, where a Java caller can
 * neither catch nor silence it. Handing libpng the file without those chunks gives the same pixels
 * without the noise.
 */
public final class PngChunks {
    private PngChunks() {
    }

    /**
     * The PNG between {@code png}'s position and limit without its ancillary chunks (those whose type
     * does not start with an upper-case letter) whose CRC does not match, up to IEND; {@code png}
     * itself when there are none, or when its chunk list is not whole (a decoder reading the header
     * first has refused such a file already). Moves neither buffer's position.
     */
    public static ByteBuffer withoutDamagedAncillaryChunks(ByteBuffer png) {
        ByteBuffer data = png.slice();
        CRC32 crc = new CRC32();
        ByteBuffer kept = null;
        int from = 0;
        long at = 8;
        while (has(data, at, 12)) {
            long length = u32(data, (int) at, true);
            if (!has(data, at + 8, length + 4)) {
                return png;
            }
            int end = (int) (at + 12 + length);
            if (!critical(data, (int) at) && !crcMatches(data, (int) at, (int) length, crc)) {
                kept = kept == null ? ByteBuffer.allocate(data.limit()) : kept;
                kept.put(data.slice(from, (int) at - from));
                from = end;
            }
            if (ascii(data, (int) at + 4, "IEND")) {
                break;
            }
            at = end;
        }
        if (kept == null) {
            return png;
        }
        kept.put(data.slice(from, data.limit() - from));
        return kept.flip();
    }

    /** Whether the chunk at {@code at} is critical: its type starts with an upper-case letter (IHDR, PLTE, IDAT, IEND). */
    static boolean critical(ByteBuffer data, int at) {
        return Character.isUpperCase((char) u8(data, at + 4));
    }

    /** Whether the CRC stored after the chunk at {@code at} with {@code length} data bytes matches its type and data. */
    static boolean crcMatches(ByteBuffer data, int at, int length, CRC32 crc) {
        crc.reset();
        crc.update(data.slice(at + 4, length + 4));
        return crc.getValue() == u32(data, at + 8 + length, true);
    }
}
