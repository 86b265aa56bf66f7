package com.example.acme;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;

/**
 * The header of a PGM or PPM file: {@code P2|P3|P5|P6}, width, height and maxval, separated by
 * whitespace, with {@code #} comments running to the end of their line.
 *
 * @param plain whether the samples are written as decimal text (P2, P3) rather than binary (P5, P6)
 * @param channels 1 for PGM, 3 for PPM
 * @param width columns, {@code >= 1}
 * @param height rows, {@code >= 1}
 * @param maxval the largest sample value, 1 to 65535; above 255 a binary sample takes two bytes, big-endian
 * @param rasterStart the offset of the first sample, relative to the buffer's position
 */
record PnmHeader(boolean plain, int channels, int width, int height, int maxval, int rasterStart) {
    static final int MAX_MAXVAL = 65535;

    /**
     * Parses the header at {@code data}'s position, without moving it.
     *
     * @throws DecodeException with source {@code "<bytes>"} when the data is not a PGM/PPM header
     */
    static PnmHeader parse(ByteBuffer data) throws DecodeException {
        int length = data.remaining();
        int base = data.position();
        if (length < 2 || data.get(base) != 'P' || "2356".indexOf(data.get(base + 1)) < 0) {
            throw new DecodeException("<bytes>", "not a PGM or PPM image: no P2, P3, P5 or P6 magic number");
        }
        char kind = (char) data.get(base + 1);
        Tokens tokens = new Tokens(data, 2);
        int width = tokens.positive("width", Integer.MAX_VALUE);
        int height = tokens.positive("height", Integer.MAX_VALUE);
        int maxval = tokens.positive("maxval", MAX_MAXVAL);
        int end = tokens.position();
        if (end >= length || !Tokens.isWhitespace(data.get(base + end))) {
            throw new DecodeException("<bytes>", "P" + kind + " header: maxval must be followed by one whitespace "
                    + "character before the samples");
        }
        boolean plain = kind == '2' || kind == '3';
        int channels = kind == '2' || kind == '5' ? 1 : 3;
        return new PnmHeader(plain, channels, width, height, maxval, end + 1);
    }

    /** Bytes per binary sample: 1 up to maxval 255, 2 above. */
    int sampleBytes() {
        return maxval > 255 ? 2 : 1;
    }

    /** {@code "P6 640x480 maxval 255"}, for messages. */
    String describe() {
        return "P" + (plain ? (channels == 1 ? 2 : 3) : (channels == 1 ? 5 : 6)) + " " + width + "x" + height
                + " maxval " + maxval;
    }
}
