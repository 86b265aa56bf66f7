package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.u16;
import static dev.sluice.api.spi.Bytes.u8;
import static dev.sluice.api.spi.ImageHeader.BYTES;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What libjpeg only warns about, found before decoding: walks the Huffman-coded data of every scan
 * of a sequential JPEG (SOF0, SOF1) block by block, without dequantising or transforming anything,
 * and refuses data that ends before the frame's last block (libjpeg: "premature end of data
 * segment", the rest of the image grey), runs on past it ("extraneous bytes before marker"), holds
 * a code no table has or a run past the 64th coefficient ("bad Huffman code"), or misses a restart
 * marker. Progressive, arithmetic-coded and lossless frames are not walked.
 *
 * <p>The same walk decodes the coefficients for {@link JpegCoefficients}: every block of a
 * sequential frame, and the DC coefficients of a progressive one, whose scans are then walked too.
 *
 * <p>The marker structure has been checked by {@link JpegHeaders} first. The cost is one pass over
 * the coded bits with a table look-up per code, a fraction of a decode; no memory grows with the image.
 */
final class JpegScans {
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int SOF2 = 0xC2;
    private static final int DHT = 0xC4;
    private static final int DQT = 0xDB;
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
    private int precision;
    private int[] quantisationSelectors;

    private final CodedBits bits;

    /** Where {@link #decode} passes the blocks; null while only checking. */
    private JpegCoefficients.Blocks blocks;
    /** Per component: what {@link #blocks} needs (0, 1 or 64) and the quantisation table its first scan latched. */
    private int[] needs;
    private int[][] latched;
    /** A progressive frame (decoded only for a sink that needs no more than DC coefficients) and what its scans build. */
    private boolean progressive;
    private ProgressiveCoefficients progression;
    private final int[][] quantisationTables = new int[4][];

    private JpegScans(ByteBuffer data, JpegCoefficients.Blocks blocks) {
        this.data = data;
        this.bits = new CodedBits(data);
        this.blocks = blocks;
    }

    /** Refuses {@code data} (a whole JPEG from index 0) when the coded data of a sequential frame is not intact. */
    static void verify(ByteBuffer data) throws DecodeException {
        new JpegScans(data, null).walk();
    }

    /** {@link JpegCoefficients#decode}: the walk, passing every block of an 8-bit sequential frame to {@code blocks}. */
    static boolean decode(ByteBuffer data, JpegCoefficients.Blocks blocks) throws DecodeException {
        JpegScans scans = new JpegScans(data, blocks);
        scans.walk();
        if (scans.blocks == null || scans.needs == null) {
            return false;
        }
        if (scans.progressive) {
            scans.passDcCoefficients();
        }
        return true;
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
            } else if (marker == SOF2 && blocks != null) {
                sequential = frame(body, end);
                progressive = true;
            } else if (marker >= 0xC2 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC) {
                return;
            } else if (marker == DHT) {
                tables(body, end);
            } else if (marker == DQT && blocks != null) {
                quantisation(body, end);
            } else if (marker == DRI && end - body >= 2) {
                restartInterval = u16(data, body, true);
            } else if (marker == SOS) {
                if (!sequential) {
                    blocks = null;
                    return;
                }
                if (blocks != null && needs == null) {
                    begin();
                }
                if (progressive) {
                    if (blocks == null) {
                        return;
                    }
                    at = progressiveScan(at, body, end);
                    continue;
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
        precision = u8(data, body);
        height = u16(data, body + 1, true);
        width = u16(data, body + 3, true);
        int count = u8(data, body + 5);
        if (count == 0 || body + 6 + 3 * count > end) {
            return false;
        }
        componentIds = new int[count];
        sampling = new int[count];
        quantisationSelectors = new int[count];
        for (int i = 0; i < count; i++) {
            componentIds[i] = u8(data, body + 6 + 3 * i);
            sampling[i] = u8(data, body + 7 + 3 * i);
            quantisationSelectors[i] = u8(data, body + 8 + 3 * i);
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
        int[] components = new int[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++) {
            int component = component(u8(data, body + 1 + 2 * i), sos);
            components[i] = component;
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
        if (blocks != null) {
            return decodeScan(sos, components, h, v, dc, ac, mcus);
        }
        int restart = 0;
        for (long mcu = 0; mcu < mcus; mcu++) {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                bits.restart(RST0 + (restart++ & 7), sos);
            }
            for (int i = 0; i < count; i++) {
                for (int block = h[i] * v[i]; block > 0; block--) {
                    if (!bits.block(dc[i], ac[i])) {
                        throw badCode(sos, mcu, mcus);
                    }
                }
            }
            if (bits.overrun()) {
                throw endsEarly(sos, mcu, mcus);
            }
        }
        return bits.finish(sos);
    }

    private DecodeException badCode(int sos, long mcu, long mcus) {
        return corrupt("bad Huffman code in the scan at byte " + sos + ", MCU " + mcu + " of " + mcus);
    }

    private DecodeException endsEarly(int sos, long mcu, long mcus) {
        return corrupt("the coded data of the scan at byte " + sos + " ends at byte " + bits.markerAt()
                + " inside MCU " + mcu + " of " + mcus + " (libjpeg's \"premature end of data segment\": the "
                + "rest of the image would be grey)");
    }

    /** Offers the frame to {@link #blocks} at its first scan; an 8-bit frame only, as libjpeg-turbo's 8-bit decoder. */
    private void begin() {
        List<JpegCoefficients.Component> components = new ArrayList<>();
        for (int i = 0; i < componentIds.length; i++) {
            components.add(new JpegCoefficients.Component(componentIds[i], sampling[i] >> 4, sampling[i] & 15,
                    (int) blockColumns(i), (int) blockRows(i)));
        }
        if (precision != 8 || !blocks.begin(new JpegCoefficients.Frame(width, height, maxH, maxV, progressive, components))) {
            blocks = null;
            return;
        }
        int[] wanted = new int[componentIds.length];
        int[] blockCounts = new int[componentIds.length];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = blocks.coefficients(i);
            if (wanted[i] != 0 && wanted[i] != 1 && wanted[i] != 64) {
                throw new IllegalStateException("Blocks.coefficients must answer 0, 1 or 64, answered " + wanted[i]);
            }
            if (progressive && wanted[i] == 64) {
                // The AC coefficients of a progressive frame are not kept: the walk stops as it does without a sink.
                blocks = null;
                return;
            }
            blockCounts[i] = (int) (blockColumns(i) * blockRows(i));
        }
        needs = wanted;
        latched = new int[componentIds.length][];
        if (progressive) {
            progression = new ProgressiveCoefficients(blockCounts);
        }
    }

    /** The quantisation table of {@code component}, latched at its first scan as libjpeg latches it. */
    private int[] latch(int component, int sos) throws DecodeException {
        if (latched[component] == null) {
            int selector = quantisationSelectors[component];
            if (selector > 3 || quantisationTables[selector] == null) {
                throw corrupt("the scan at byte " + sos + " needs quantisation table " + selector + " for component "
                        + componentIds[component] + ", which no DQT segment before it defines");
            }
            latched[component] = quantisationTables[selector].clone();
        }
        return latched[component];
    }

    /** After a progressive frame's last scan: each block of each scanned component, DC only. */
    private void passDcCoefficients() {
        int[] coefficients = new int[64];
        for (int c = 0; c < needs.length; c++) {
            if (needs[c] == 0 || latched[c] == null) {
                continue;
            }
            int columns = (int) blockColumns(c);
            int rows = (int) blockRows(c);
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    coefficients[0] = progression.dc(c, row * columns + column) * latched[c][0];
                    blocks.block(c, row, column, coefficients);
                }
            }
        }
    }

    /**
     * Walks one scan of a progressive frame (T.81 G.1.2), keeping what {@link ProgressiveCoefficients}
     * keeps, with the checks and messages of {@link #scan}; returns where the marker after it starts.
     */
    private int progressiveScan(int sos, int body, int end) throws DecodeException {
        int count = u8(data, body);
        int parameters = body + 1 + 2 * count;
        if (count < 1 || count > 4 || parameters + 3 > end) {
            throw corrupt("the scan header at byte " + sos + " is malformed");
        }
        int start = u8(data, parameters);
        int stop = u8(data, parameters + 1);
        int high = u8(data, parameters + 2) >> 4;
        int low = u8(data, parameters + 2) & 15;
        boolean dcScan = start == 0;
        if ((dcScan ? stop != 0 : stop < start || stop > 63 || count != 1) || low > 13) {
            throw corrupt("the progressive scan at byte " + sos + " has an impossible band " + start + "-" + stop
                    + " or bit position " + low + " (libjpeg's \"invalid progressive parameters\")");
        }
        int[] components = new int[count];
        int[] h = new int[count];
        int[] v = new int[count];
        HuffmanCodes[] codes = new HuffmanCodes[count];
        for (int i = 0; i < count; i++) {
            int component = component(u8(data, body + 1 + 2 * i), sos);
            components[i] = component;
            int tables = u8(data, body + 2 + 2 * i);
            codes[i] = dcScan ? dcTables[(tables >> 4) & 3] : acTables[tables & 3];
            if (codes[i] == null && !(dcScan && high > 0)) {
                throw corrupt("the scan at byte " + sos + " uses a Huffman table that no DHT segment before it defines");
            }
            h[i] = count == 1 ? 1 : sampling[component] >> 4;
            v[i] = count == 1 ? 1 : sampling[component] & 15;
            latch(component, sos);
        }
        long mcusAcross = count == 1 ? blockColumns(components[0]) : ceilDiv(width, 8L * maxH);
        long mcus = count == 1 ? mcusAcross * blockRows(components[0]) : mcusAcross * ceilDiv(height, 8L * maxV);
        int[] predictions = new int[count];
        bits.start(end);
        progression.restart();
        int restart = 0;
        for (long mcu = 0; mcu < mcus; mcu++) {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                bits.restart(RST0 + (restart++ & 7), sos);
                Arrays.fill(predictions, 0);
                progression.restart();
            }
            long mcuRow = mcu / mcusAcross;
            long mcuColumn = mcu % mcusAcross;
            for (int i = 0; i < count; i++) {
                int component = components[i];
                for (int y = 0; y < v[i]; y++) {
                    for (int x = 0; x < h[i]; x++) {
                        long row = mcuRow * v[i] + y;
                        long column = mcuColumn * h[i] + x;
                        int block = row < blockRows(component) && column < blockColumns(component)
                                ? (int) (row * blockColumns(component) + column) : -1;
                        boolean good;
                        if (dcScan && high == 0) {
                            good = progression.dcFirst(bits, codes[i], component, block, predictions, i, low);
                        } else if (dcScan) {
                            progression.dcRefine(bits, component, block, low);
                            good = true;
                        } else if (high == 0) {
                            good = progression.acFirst(bits, codes[i], component, block, start, stop);
                        } else {
                            good = progression.acRefine(bits, codes[i], component, block, start, stop);
                        }
                        if (!good) {
                            throw badCode(sos, mcu, mcus);
                        }
                    }
                }
            }
            if (bits.overrun()) {
                throw endsEarly(sos, mcu, mcus);
            }
        }
        return bits.finish(sos);
    }

    /** The DQT segment's tables, each stored in natural order (T.81 B.2.4.1: 8- or 16-bit steps in zigzag order). */
    private void quantisation(int body, int end) throws DecodeException {
        int at = body;
        while (at < end) {
            int precisionAndId = u8(data, at);
            int stepBytes = (precisionAndId >> 4) + 1;
            if (stepBytes > 2 || (precisionAndId & 15) > 3 || at + 1 + 64 * stepBytes > end) {
                throw corrupt("the quantisation table segment at byte " + body + " is malformed");
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                int step = stepBytes == 1 ? u8(data, at + 1 + k) : u16(data, at + 1 + 2 * k, true);
                table[CodedBits.naturalPosition(k)] = step;
            }
            quantisationTables[precisionAndId & 15] = table;
            at += 1 + 64 * stepBytes;
        }
    }

    /**
     * {@link #scan}'s walk that also decodes: the same checks and messages, with each block's
     * coefficients passed to {@link #blocks} at its place in its component's block grid.
     */
    private int decodeScan(int sos, int[] components, int[] h, int[] v, HuffmanCodes[] dc, HuffmanCodes[] ac, long mcus)
            throws DecodeException {
        int count = components.length;
        int[][] steps = new int[count][];
        int[] predictions = new int[count];
        int[] coefficients = new int[64];
        for (int i = 0; i < count; i++) {
            steps[i] = latch(components[i], sos);
        }
        long mcusAcross = count == 1 ? blockColumns(components[0]) : ceilDiv(width, 8L * maxH);
        int restart = 0;
        for (long mcu = 0; mcu < mcus; mcu++) {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                bits.restart(RST0 + (restart++ & 7), sos);
                Arrays.fill(predictions, 0);
            }
            long mcuRow = mcu / mcusAcross;
            long mcuColumn = mcu % mcusAcross;
            for (int i = 0; i < count; i++) {
                int component = components[i];
                int need = needs[component];
                for (int y = 0; y < v[i]; y++) {
                    for (int x = 0; x < h[i]; x++) {
                        if (need == 0) {
                            if (!bits.block(dc[i], ac[i])) {
                                throw badCode(sos, mcu, mcus);
                            }
                            continue;
                        }
                        int difference = need == 1 ? bits.dcDifference(dc[i], ac[i])
                                : bits.coefficients(dc[i], ac[i], steps[i], coefficients);
                        if (difference == CodedBits.BAD_BLOCK) {
                            throw badCode(sos, mcu, mcus);
                        }
                        predictions[i] += difference;
                        long row = mcuRow * v[i] + y;
                        long column = mcuColumn * h[i] + x;
                        if (row < blockRows(component) && column < blockColumns(component)) {
                            // libjpeg keeps the DC coefficient to 16 bits (JCOEF) before dequantising it.
                            coefficients[0] = (short) predictions[i] * steps[i][0];
                            blocks.block(component, (int) row, (int) column, coefficients);
                        }
                        if (need == 64) {
                            Arrays.fill(coefficients, 0);
                        }
                    }
                }
            }
            if (bits.overrun()) {
                throw endsEarly(sos, mcu, mcus);
            }
        }
        return bits.finish(sos);
    }

    private long blockColumns(int component) {
        return ceilDiv(ceilDiv((long) width * (sampling[component] >> 4), maxH), 8);
    }

    private long blockRows(int component) {
        return ceilDiv(ceilDiv((long) height * (sampling[component] & 15), maxV), 8);
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
