package dev.sluice.core.label;

import dev.sluice.api.LabelSink;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses one line of the txt label format from raw bytes and hands the entry or the problem to the
 * sink. Only the path is decoded to a String; labels are parsed from the bytes.
 */
final class TxtLineParser {
    private static final long MIN_DIV_10 = Long.MIN_VALUE / 10;

    private final LabelSink sink;
    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long[] scratch = new long[8];
    /** The sink copies what it keeps, so one array per label count is reused for every line. */
    private long[][] byCount = new long[8][];
    /** The value of the label {@link #parseLabel} accepted last. */
    private long parsed;

    TxtLineParser(LabelSink sink) {
        this.sink = sink;
    }

    /** Parses {@code bytes[from, to)}, a line without its '\n'. */
    void parse(byte[] bytes, int from, int to, long line) {
        int i = from;
        while (i < to && isSpace(bytes[i])) {
            i++;
        }
        if (i == to || bytes[i] == '#') {
            return;
        }
        int nameStart = i;
        int highBits = 0;
        while (i < to && !isSpace(bytes[i])) {
            highBits |= bytes[i];
            i++;
        }
        int nameEnd = i;
        int count = labels(bytes, nameEnd, to, from, line);
        if (count < 0) {
            return;
        }
        if (count == 0) {
            sink.problem(line, text(bytes, from, to), "no label");
            return;
        }
        String name;
        if (highBits >= 0) {
            name = new String(bytes, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1);
        } else {
            try {
                name = strictUtf8.decode(ByteBuffer.wrap(bytes, nameStart, nameEnd - nameStart)).toString();
            } catch (CharacterCodingException e) {
                sink.problem(line, text(bytes, from, to), "path is not valid UTF-8");
                return;
            }
        }
        sink.entry(name, labels(count), line);
    }

    /**
     * Parses a shard member, {@code bytes[from, to)}: labels alone, separated by whitespace (line
     * breaks included), reported as one entry named {@code name} with line 0.
     */
    void parseMember(String name, byte[] bytes, int from, int to) {
        int count = labels(bytes, from, to, from, 0);
        if (count < 0) {
            return;
        }
        if (count == 0) {
            sink.problem(0, text(bytes, from, to), "no label");
            return;
        }
        sink.entry(name, labels(count), 0);
    }

    /**
     * Parses the labels in {@code bytes[i, to)} into {@link #scratch}: their count, or -1 when a
     * token is not a label (reported with the text {@code bytes[from, to)} and {@code line}).
     */
    private int labels(byte[] bytes, int i, int to, int from, long line) {
        int count = 0;
        while (true) {
            while (i < to && isSpace(bytes[i])) {
                i++;
            }
            if (i == to) {
                return count;
            }
            int tokenStart = i;
            while (i < to && !isSpace(bytes[i])) {
                i++;
            }
            if (!parseLabel(bytes, tokenStart, i)) {
                reportLabel(bytes, from, to, tokenStart, i, line);
                return -1;
            }
            if (count == scratch.length) {
                scratch = Arrays.copyOf(scratch, count * 2);
            }
            scratch[count++] = parsed;
        }
    }

    /** Reports a line longer than {@link TxtLabelFormat#MAX_LINE_BYTES}; its start is in {@code bytes}. */
    void tooLong(byte[] bytes, long line) {
        sink.problem(line, text(bytes, 0, Math.min(bytes.length, ProblemLog.TEXT_LIMIT * 4)),
                "line is longer than " + TxtLabelFormat.MAX_LINE_BYTES + " bytes");
    }

    private long[] labels(int count) {
        if (count >= byCount.length) {
            byCount = Arrays.copyOf(byCount, Math.max(count + 1, byCount.length * 2));
        }
        long[] out = byCount[count];
        if (out == null) {
            out = new long[count];
            byCount[count] = out;
        }
        System.arraycopy(scratch, 0, out, 0, count);
        return out;
    }

    /** Parses an optionally signed decimal into {@link #parsed}; false if it is not a long. */
    private boolean parseLabel(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
        }
        if (i == to) {
            return false;
        }
        // Accumulate negatively so that Long.MIN_VALUE parses too.
        long value = 0;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || value < MIN_DIV_10) {
                return false;
            }
            value *= 10;
            if (value < Long.MIN_VALUE + digit) {
                return false;
            }
            value -= digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return false;
        }
        parsed = negative ? value : -value;
        return true;
    }

    private void reportLabel(byte[] bytes, int from, int to, int tokenStart, int tokenEnd, long line) {
        String token = text(bytes, tokenStart, tokenEnd);
        String reason = isSignedDigits(bytes, tokenStart, tokenEnd)
                ? "label '" + ProblemLog.shorten(token) + "' is out of range: labels are 64-bit integers"
                : "label '" + ProblemLog.shorten(token) + "' is not an integer";
        sink.problem(line, text(bytes, from, to), reason);
    }

    /** The line as text for a message, without a trailing CR, undecodable bytes replaced. */
    private static String text(byte[] bytes, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }

    private static boolean isSignedDigits(byte[] bytes, int from, int to) {
        int i = bytes[from] == '-' || bytes[from] == '+' ? from + 1 : from;
        if (i == to) {
            return false;
        }
        for (; i < to; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        // Space, and tab through CR: in a label file '\n' ends the line first; in a member it separates labels.
        return b == ' ' || (b >= '\t' && b <= '\r');
    }
}
