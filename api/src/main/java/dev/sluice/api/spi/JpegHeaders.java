package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.ascii;
import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u16;
import static dev.sluice.api.spi.Bytes.u8;
import static dev.sluice.api.spi.ImageHeader.BYTES;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;

/**
 * The JPEG marker walk: the frame header (SOFn) for the size, the first APP1 Exif segment for the
 * orientation, then the scans to the end-of-image marker. Fill bytes ({@code FF FF}) before a marker
 * are skipped; any other byte where a marker must start is refused.
 */
final class JpegHeaders {
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;

    private JpegHeaders() {
    }

    static boolean matches(ByteBuffer data) {
        return data.limit() >= 2 && u8(data, 0) == 0xFF && u8(data, 1) == 0xD8;
    }

    /**
     * @param bounded whether to refuse coded data too short for the frame ({@link #requirePlausibleSize});
     *        a caller that checks the pixel limit first does it afterwards
     */
    static ImageHeader read(ByteBuffer data, boolean bounded) throws DecodeException {
        int width = 0;
        int height = 0;
        int frame = -1;
        int orientation = 1;
        boolean exifSeen = false;
        int at = 2;
        int previous = -1;
        while (true) {
            at = markerAt(data, at, previous);
            if (at < 0) {
                throw truncated(width == 0 ? "before its frame header (SOF)" : "before its first scan (SOS)");
            }
            int marker = u8(data, at + 1);
            if (standalone(marker)) {
                previous = at;
                at += 2;
                continue;
            }
            if (marker == EOI) {
                throw new DecodeException(BYTES, "corrupt JPEG: an end-of-image marker at byte " + at + " comes before "
                        + (width == 0 ? "any frame header (SOF)" : "any scan (SOS)"));
            }
            int end = segmentEnd(data, at);
            if (marker == SOS) {
                if (width == 0) {
                    throw new DecodeException(BYTES, "corrupt JPEG: a scan (SOS) at byte " + at
                            + " comes before the frame header (SOF)");
                }
                requireEndOfImage(data, at);
                if (bounded) {
                    requirePlausibleSize(data, frame, end);
                }
                return new ImageHeader("jpeg", width, height, orientation);
            }
            if (end > data.limit()) {
                throw truncated("inside the segment of marker FF" + hex(marker) + " at byte " + at);
            }
            int body = at + 4;
            if (frameHeader(marker) && width == 0) {
                if (end - body < 6) {
                    throw new DecodeException(BYTES, "corrupt JPEG: the frame header at byte " + at + " is too short");
                }
                height = u16(data, body + 1, true);
                width = u16(data, body + 3, true);
                frame = at;
                if (width == 0 || height == 0) {
                    throw new DecodeException(BYTES, "the JPEG frame header declares a " + width + "x" + height + " image"
                            + (height == 0 ? " (a height given later by a DNL marker is not supported)" : ""));
                }
            } else if (marker == APP1 && !exifSeen && ascii(data, body, "Exif\0\0")) {
                exifSeen = true;
                orientation = TiffHeaders.orientation(data.slice(body + 6, end - body - 6));
            }
            previous = at;
            at = end;
        }
    }

    /**
     * From the first scan on, every segment is followed by entropy-coded data or by the next marker;
     * the file is complete when an end-of-image marker follows. A {@code FF} in entropy-coded data is
     * always followed by {@code 00} (stuffing) or a restart marker, so any other marker ends the scan.
     */
    private static void requireEndOfImage(ByteBuffer data, int firstScan) throws DecodeException {
        int at = firstScan;
        while (true) {
            int end = segmentEnd(data, at);
            if (end > data.limit()) {
                throw truncated("inside the segment of marker FF" + hex(u8(data, at + 1)) + " at byte " + at);
            }
            int next = u8(data, at + 1) == SOS ? nextMarker(data, end) : markerAt(data, end, at);
            while (next >= 0 && standalone(u8(data, next + 1))) {
                next = nextMarker(data, next + 2);
            }
            if (next < 0) {
                throw truncated("before its end-of-image marker (EOI)");
            }
            if (u8(data, next + 1) == EOI) {
                return;
            }
            at = next;
        }
    }

    /**
     * Refuses coded data too short for the frame it declares, before any decoder allocates for the
     * frame: every 8x8 block of a Huffman-coded DCT frame takes at least one bit (its DC code), every
     * sample of a lossless one too. A 2.7 KB JPEG whose frame header was patched from 64x64 to
     * 13000x13000 would otherwise decode as 1.5 GB of grey. Arithmetic coding, which can code a flat
     * block in less than a bit, is not bounded.
     */
    static void requirePlausibleSize(ByteBuffer data) throws DecodeException {
        int at = 2;
        int frame = -1;
        while (at + 4 <= data.limit() && u8(data, at) == 0xFF) {
            int marker = u8(data, at + 1);
            if (marker == 0xFF || standalone(marker)) {
                at += marker == 0xFF ? 1 : 2;
                continue;
            }
            int end = at + 2 + u16(data, at + 2, true);
            if (frameHeader(marker) && frame < 0) {
                frame = at;
            } else if (marker == SOS) {
                requirePlausibleSize(data, frame, end);
                return;
            }
            at = end;
        }
    }

    private static void requirePlausibleSize(ByteBuffer data, int frame, int firstScanData) throws DecodeException {
        int marker = u8(data, frame + 1);
        if (marker >= 0xC8) {
            return;
        }
        int body = frame + 4;
        int end = frame + 2 + u16(data, frame + 2, true);
        int height = u16(data, body + 1, true);
        int width = u16(data, body + 3, true);
        int components = u8(data, body + 5);
        if (components == 0 || body + 6 + 3 * components > end) {
            throw new DecodeException(BYTES, "corrupt JPEG: the frame header at byte " + frame + " declares "
                    + components + " components but holds " + Math.max(0, (end - body - 6) / 3));
        }
        int maxH = 1;
        int maxV = 1;
        for (int i = 0; i < components; i++) {
            int sampling = u8(data, body + 7 + 3 * i);
            maxH = Math.max(maxH, sampling >> 4);
            maxV = Math.max(maxV, sampling & 15);
        }
        boolean lossless = (marker & 3) == 3;
        long units = 0;
        for (int i = 0; i < components; i++) {
            int sampling = u8(data, body + 7 + 3 * i);
            long columns = ((long) width * Math.max(1, sampling >> 4) + maxH - 1) / maxH;
            long rows = ((long) height * Math.max(1, sampling & 15) + maxV - 1) / maxV;
            units += lossless ? columns * rows : ((columns + 7) / 8) * ((rows + 7) / 8);
        }
        long bits = 8L * (data.limit() - firstScanData);
        if (bits < units) {
            throw new DecodeException(BYTES, "corrupt JPEG: its " + width + "x" + height + " frame holds " + units
                    + (lossless ? " samples" : " blocks of 8x8") + ", which take at least " + units + " bits of Huffman-coded "
                    + "data, but only " + (data.limit() - firstScanData) + " bytes follow its first scan header (the frame "
                    + "header's size is wrong, or the data was cut)");
        }
    }

    /**
     * The marker that must start at {@code at}, after fill bytes, or -1 when the data ends first.
     * Other bytes there mean the previous segment's length is wrong: libjpeg skips them with a
     * warning and decodes on from wherever the next marker-like bytes are, which is how a damaged
     * file turns into garbage presented as an image, so they are refused.
     */
    private static int markerAt(ByteBuffer data, int at, int previous) throws DecodeException {
        int i = at;
        while (i < data.limit() && data.get(i) == (byte) 0xFF && i + 1 < data.limit() && data.get(i + 1) == (byte) 0xFF) {
            i++;
        }
        if (i + 1 >= data.limit()) {
            return -1;
        }
        if (data.get(i) != (byte) 0xFF || data.get(i + 1) == 0) {
            throw new DecodeException(BYTES, "corrupt JPEG: byte " + at + (previous < 0 ? ", after the start marker,"
                    : ", after the segment of marker FF" + hex(u8(data, previous + 1)) + " at byte " + previous + ",")
                    + " starts no marker (a segment length is wrong, or the data is damaged)");
        }
        return i;
    }

    /** Where the segment of the marker at {@code at} ends; may lie past the data's end. */
    private static int segmentEnd(ByteBuffer data, int at) throws DecodeException {
        if (!has(data, at, 4)) {
            throw truncated("inside the marker at byte " + at);
        }
        int length = u16(data, at + 2, true);
        if (length < 2) {
            throw new DecodeException(BYTES, "corrupt JPEG: the segment of marker FF" + hex(u8(data, at + 1))
                    + " at byte " + at + " has the impossible length " + length);
        }
        return at + 2 + length;
    }

    /**
     * The index of the {@code FF} of the next marker at or after {@code at}, skipping entropy-coded
     * data (where {@code FF 00} is a stuffed byte), or -1 when the data ends first.
     */
    private static int nextMarker(ByteBuffer data, int at) {
        int last = data.limit() - 1;
        int i = at;
        while (i < last) {
            // Entropy-coded data holds few FF bytes: skip eight bytes at a time while none is FF
            // (the classic test for a zero byte, applied to the inverted word).
            while (i + 8 <= last) {
                long inverted = ~data.getLong(i);
                if (((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) != 0) {
                    break;
                }
                i += 8;
            }
            if (i == last) {
                // The skip can land on the last byte, which has no byte after it to make a marker.
                break;
            }
            if (data.get(i) != (byte) 0xFF) {
                i++;
                continue;
            }
            int code = data.get(i + 1) & 0xFF;
            if (code == 0xFF) {
                i++;
            } else if (code == 0x00) {
                i += 2;
            } else {
                return i;
            }
        }
        return -1;
    }

    /** Markers without a length: TEM, the restart markers RST0-7, and SOI. */
    private static boolean standalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
    }

    /** SOF0-3, 5-7, 9-11, 13-15; not DHT (C4), JPG (C8) or DAC (CC). */
    private static boolean frameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static DecodeException truncated(String where) {
        return new DecodeException(BYTES, "truncated JPEG: the data ends " + where);
    }

    private static String hex(int marker) {
        return String.format("%02X", marker);
    }
}
