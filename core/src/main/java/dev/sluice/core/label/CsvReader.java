package dev.sluice.core.label;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits RFC 4180 text into records: fields separated by a delimiter, optionally in double quotes
 * (a quoted field may hold delimiters, line breaks and {@code ""} for a quote), records ended by LF,
 * CRLF or CR. Bytes are decoded as UTF-8 here, one character at a time, so that a malformed byte
 * is blamed on its own record. A malformed record (a stray quote, an unclosed quote, bytes that are
 * not UTF-8) is still returned, with {@link #problem()} saying what is wrong, so that the caller can
 * report it and go on.
 */
final class CsvReader {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private static final int NONE = -2;
    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;
    private final char delimiter;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    /** The second half of a surrogate pair whose first half was returned. */
    private int lowSurrogate = NONE;

    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();
    private long nextLine = 1;
    private long line;
    /** Null while the current record is well formed. */
    private String problem;

    /** @param in UTF-8 text; not closed here */
    CsvReader(InputStream in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        fields.clear();
        field.setLength(0);
        raw.setLength(0);
        problem = null;
        line = nextLine;
        int c = read();
        if (c < 0) {
            return false;
        }
        if (line == 1 && c == '\uFEFF') {
            c = read();
        }
        int state = FIELD_START;
        while (true) {
            if (c < 0) {
                if (state == QUOTED) {
                    setProblem("a quoted field is not closed before the end of the file");
                }
                fields.add(field.toString());
                return true;
            }
            if ((c == '\n' || c == '\r') && state != QUOTED) {
                if (c == '\r' && peekByte() == '\n') {
                    position++;
                }
                nextLine++;
                fields.add(field.toString());
                return true;
            }
            raw.append((char) c);
            switch (state) {
                case FIELD_START:
                    if (c == '"') {
                        state = QUOTED;
                    } else if (c == delimiter) {
                        endField();
                    } else {
                        field.append((char) c);
                        state = UNQUOTED;
                    }
                    break;
                case UNQUOTED:
                    if (c == delimiter) {
                        endField();
                        state = FIELD_START;
                    } else {
                        if (c == '"') {
                            setProblem("a quote inside an unquoted field; quote the whole field and write \"\" for a quote");
                        }
                        field.append((char) c);
                    }
                    break;
                case QUOTED:
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    } else {
                        if (c == '\n') {
                            nextLine++;
                        }
                        field.append((char) c);
                    }
                    break;
                default:
                    if (c == '"') {
                        field.append('"');
                        state = QUOTED;
                    } else if (c == delimiter) {
                        endField();
                        state = FIELD_START;
                    } else {
                        setProblem("text after the closing quote of a field");
                        field.append((char) c);
                        state = UNQUOTED;
                    }
                    break;
            }
            c = read();
        }
    }

    /** The fields of the last record read. Valid until the next call to {@link #next()}. */
    List<String> fields() {
        return fields;
    }

    /** The 1-based line the last record started on. */
    long line() {
        return line;
    }

    /** The last record as it stands in the text, without its line end. */
    String text() {
        return raw.toString();
    }

    /** Whether the last record was an empty line. */
    boolean isBlank() {
        return raw.length() == 0;
    }

    /** What is malformed about the last record; empty when it is well formed. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
    }

    private void setProblem(String reason) {
        if (problem == null) {
            problem = reason;
        }
    }

    private int read() throws IOException {
        if (lowSurrogate != NONE) {
            int c = lowSurrogate;
            lowSurrogate = NONE;
            return c;
        }
        int b = peekByte();
        if (b < 0x80) {
            position += b < 0 ? 0 : 1;
            return b;
        }
        position++;
        int continuations;
        int codePoint;
        if (b >= 0xC2 && b <= 0xDF) {
            continuations = 1;
            codePoint = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            continuations = 2;
            codePoint = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            continuations = 3;
            codePoint = b & 0x07;
        } else {
            return malformed();
        }
        for (int k = 0; k < continuations; k++) {
            int next = peekByte();
            if (next < 0 || (next & 0xC0) != 0x80) {
                return malformed();
            }
            position++;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        boolean overlong = (continuations == 2 && codePoint < 0x800) || (continuations == 3 && codePoint < 0x10000);
        if (overlong || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            return malformed();
        }
        if (codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            lowSurrogate = Character.lowSurrogate(codePoint);
            return Character.highSurrogate(codePoint);
        }
        return codePoint;
    }

    private int malformed() {
        setProblem("not valid UTF-8 text");
        return REPLACEMENT;
    }

    /** The next byte, unsigned, without consuming it; -1 at the end. */
    private int peekByte() throws IOException {
        if (position == limit) {
            int read = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(read, 0);
            if (read <= 0) {
                return -1;
            }
        }
        return buffer[position] & 0xFF;
    }
}
