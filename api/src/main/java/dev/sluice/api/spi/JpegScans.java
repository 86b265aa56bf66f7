package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.u16;
import static dev.sluice.api.spi.Bytes.u8;
import static dev.sluice.api.spi.ImageHeader.BYTES;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;

/**
 * What libjpeg only warns about, found before decoding: walks the Huffman-coded data of every scan
 * of a sequential JPEG (SOF0, SOF1) block by block, without dequantising or transforming anything,
 * and refuses data that ends before the frame's last block (libjpeg: "premature end of data
 * segment", the rest of the image grey), runs on past it ("extraneous bytes before marker"), holds
 * a code no table has or a run past the 64th coefficient ("bad Huffman code"), or misses a restart
 * marker. Progressive, arithmetic-coded and lossless frames are not walked.
 *
 * <p>The marker structure has been checked by {@link JpegHeaders} first. The cost is one pass over
 * the coded bits with a table look-up per code, a fraction of a decode; no memory grows with the image.
 */
final class JpegScans {
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int DHT = 0xC4;
    private static final int SOS = 0xDA;
    private static final int DRI = 0xDD;
    private static final int EOI = 0xD9;
    private static final int RST0 = 0xD0;

    private final ByteBuffer data;
    private final HuffmanCodes[] dcTables = new HuffmanCodes[4];
    private final HuffmanCodes[] acTables = new HuffmanCodes[4];
    private int restartInterval;
    private int width;
    private int height;
    private int maxH;
    private int maxV;
    private int[] componentIds;
    private int[] sampling;

    private final CodedBits bits;

    private JpegScans(ByteBuffer data) {
        this.data = data;
        this.bits = new CodedBits(data);
    }

    /** Refuses {@code data} (a whole JPEG from index 0) when the coded data of a sequential frame is not intact. */
    static void verify(ByteBuffer data) throws DecodeException {
        new JpegScans(data).walk();
    }

    private void walk() throws DecodeException {
        int at = 2;
        boolean sequential = false;
        while (at + 1 < data.limit()) {
            if (u8(data, at) != 0xFF) {
                return;
            }
            int marker = u8(data, at + 1);
            if (marker == 0xFF || marker == 0x01 || (marker >= RST0 && marker <= 0xD8)) {
                at += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == EOI || at + 4 > data.limit()) {
                return;
            }
            int end = at + 2 + u16(data, at + 2, true);
            int body = at + 4;
            if (end > data.limit()) {
                return;
            }
            if (marker == SOF0 || marker == SOF1) {
                sequential = frame(body, end);
            } else if (marker >= 0xC2 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC) {
                return;
            } else if (marker == DHT) {
                tables(body, end);
            } else if (marker == DRI && end - body >= 2) {
                restartInterval = u16(data, body, true);
            } else if (marker == SOS) {
                if (!sequential) {
                    return;
                }
                at = scan(at, body, end);
                continue;
            }
            at = end;
        }
    }

    private boolean frame(int body, int end) {
        if (end - body < 6) {
            return false;
        }
        height = u16(data, body + 1, true);
        width = u16(data, body + 3, true);
        int count = u8(data, body + 5);
        if (count == 0 || body + 6 + 3 * count > end) {
            return false;
        }
        componentIds = new int[count];
        sampling = new int[count];
        for (int i = 0; i < count; i++) {
            componentIds[i] = u8(data, body + 6 + 3 * i);
            sampling[i] = u8(data, body + 7 + 3 * i);
            int h = sampling[i] >> 4;
            int v = sampling[i] & 15;
            if (h < 1 || h > 4 || v < 1 || v > 4) {
                return false;
            }
            maxH = Math.max(maxH, h);
            maxV = Math.max(maxV, v);
        }
        return true;
    }

    private void tables(int body, int end) throws DecodeException {
        int at = body;
        while (at + 17 <= end) {
            int classAndId = u8(data, at);
            int total = 0;
            for (int length = 1; length <= 16; length++) {
                total += u8(data, at + length);
            }
            if ((classAndId & 0x0F) > 3 || at + 17 + total > end || total > 256) {
                throw corrupt("the Huffman table segment at byte " + body + " is malformed");
            }
            byte[] definition = new byte[16 + total];
            data.get(at + 1, definition);
            HuffmanCodes codes = RecentHuffmanCodes.of(definition);
            if (codes == null) {
                throw corrupt("the Huffman table at byte " + at + " has more codes than its code lengths allow");
            }
            (classAndId >> 4 == 0 ? dcTables : acTables)[classAndId & 3] = codes;
            at += 17 + total;
        }
    }

    /** Walks one scan's coded data and returns where the marker after it starts. */
    private int scan(int sos, int body, int end) throws DecodeException {
        int count = u8(data, body);
        if (count < 1 || count > 4 || body + 1 + 2 * count > end) {
            throw corrupt("the scan header at byte " + sos + " is malformed");
        }
        int[] h = new int[count];
        int[] v = new int[count];
        HuffmanCodes[] dc = new HuffmanCodes[count];
        HuffmanCodes[] ac = new HuffmanCodes[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++) {
            int component = component(u8(data, body + 1 + 2 * i), sos);
            int tables = u8(data, body + 2 + 2 * i);
            dc[i] = dcTables[(tables >> 4) & 3];
            ac[i] = acTables[tables & 3];
            if (dc[i] == null || ac[i] == null) {
                throw corrupt("the scan at byte " + sos + " uses a Huffman table that no DHT segment before it defines");
            }
            h[i] = count == 1 ? 1 : sampling[component] >> 4;
            v[i] = count == 1 ? 1 : sampling[component] & 15;
            blocksPerMcu += h[i] * v[i];
        }
        long mcus;
        if (count == 1) {
            int component = component(u8(data, body + 1), sos);
            long columns = ceilDiv((long) width * (sampling[component] >> 4), maxH);
            long rows = ceilDiv((long) height * (sampling[component] & 15), maxV);
            mcus = ceilDiv(columns, 8) * ceilDiv(rows, 8);
        } else {
            mcus = ceilDiv(width, 8L * maxH) * ceilDiv(height, 8L * maxV);
        }
        bits.start(end);
        int restart = 0;
        for (long mcu = 0; mcu < mcus; mcu++) {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                bits.restart(RST0 + (restart++ & 7), sos);
            }
            for (int i = 0; i < count; i++) {
                for (int block = h[i] * v[i]; block > 0; block--) {
                    if (!bits.block(dc[i], ac[i])) {
                        throw corrupt("bad Huffman code in the scan at byte " + sos + ", MCU " + mcu + " of " + mcus);
                    }
                }
            }
            if (bits.overrun()) {
                throw corrupt("the coded data of the scan at byte " + sos + " ends at byte " + bits.markerAt()
                        + " inside MCU " + mcu + " of " + mcus + " (libjpeg's \"premature end of data segment\": the "
                        + "rest of the image would be grey)");
            }
        }
        return bits.finish(sos);
    }

    private int component(int id, int sos) throws DecodeException {
        for (int i = 0; i < componentIds.length; i++) {
            if (componentIds[i] == id) {
                return i;
            }
        }
        throw corrupt("the scan at byte " + sos + " names component " + id + ", which the frame header does not have");
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    static DecodeException corrupt(String what) {
        return new DecodeException(BYTES, "corrupt JPEG data: " + what);
    }
}
