package dev.sluice.core.label;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits RFC 4180 text into records: fields separated by a delimiter, optionally in double quotes
 * (a quoted field may hold delimiters, line breaks and {@code ""} for a quote), records ended by LF,
 * CRLF or CR. A malformed record (a stray quote, an unclosed quote) is still returned, with
 * {@link #problem()} saying what is wrong, so that the caller can report it and go on.
 */
final class CsvReader {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int pushedBack = -2;

    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();
    private long nextLine = 1;
    private long line;
    /** Null while the current record is well formed. */
    private String problem;

    CsvReader(Reader in, char delimiter) {
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
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        pushedBack = following;
                    }
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
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
