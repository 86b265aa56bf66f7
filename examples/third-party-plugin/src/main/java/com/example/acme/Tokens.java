package com.example.acme;

import dev.sluice.api.DecodeException;
import java.nio.ByteBuffer;

/**
 * Reads the decimal numbers of a PGM/PPM header or plain raster, skipping whitespace and
 * {@code #} comments. Positions are relative to the buffer's position, which is never moved.
 */
final class Tokens {
    private final ByteBuffer data;
    private final int base;
    private final int length;
    private int at;

    Tokens(ByteBuffer data, int start) {
        this.data = data;
        this.base = data.position();
        this.length = data.remaining();
        this.at = start;
    }

    int position() {
        return at;
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == '\f';
    }

    /** The next header number, in {@code [1, max]}; {@code what} names it in messages. */
    int positive(String what, int max) throws DecodeException {
        long value = next(what, max);
        if (value < 1) {
            throw new DecodeException("<bytes>", "header: " + what + " must be >= 1, was " + value);
        }
        return (int) value;
    }

    /**
     * The next number, at most {@code max}.
     *
     * @throws DecodeException when the data ends first, holds something else, or the number is too large
     */
    long next(String what, long max) throws DecodeException {
        skipSpaceAndComments();
        if (at >= length) {
            throw new DecodeException("<bytes>", "truncated: the data ends before the " + what);
        }
        byte b = data.get(base + at);
        if (b < '0' || b > '9') {
            // What was found is not quoted: the file may be a link to a secret one that starts like a PNM header.
            throw new DecodeException("<bytes>", "expected a decimal number for the " + what + " at byte " + at
                    + ", found a byte that is not a digit");
        }
        int start = at;
        long value = 0;
        while (at < length && (b = data.get(base + at)) >= '0' && b <= '9') {
            value = value * 10 + (b - '0');
            if (value > max) {
                throw new DecodeException("<bytes>", what + " at byte " + start + " is larger than " + max);
            }
            at++;
        }
        return value;
    }

    private void skipSpaceAndComments() {
        while (at < length) {
            byte b = data.get(base + at);
            if (b == '#') {
                while (at < length && data.get(base + at) != '\n' && data.get(base + at) != '\r') {
                    at++;
                }
            } else if (isWhitespace(b)) {
                at++;
            } else {
                return;
            }
        }
    }
}
