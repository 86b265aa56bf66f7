package dev.sluice.core.label;

import dev.sluice.api.LabelFormatException;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The text of a CSV label file as the CSV parser reads it, keeping the lines it has handed out
 * until they are {@linkplain #release released}: so that a row can be quoted in a message as it
 * stands in the file, and reading can {@linkplain #rewindTo start again} at a line after a row the
 * parser refused. A leading byte-order mark is dropped. Lines end with LF, CRLF or CR, counted as
 * the parser counts them. What is kept is bounded: a line longer than {@link #MAX_KEPT} characters
 * is an error.
 */
final class CsvText extends Reader {
    /** The most characters kept at once: one row and the parser's look-ahead. */
    static final int MAX_KEPT = 1 << 22;
    private static final int CHUNK = 1 << 15;

    private final Reader in;
    private final String source;
    private char[] kept = new char[2 * CHUNK];
    /** Characters before this index are released. */
    private int keptFrom;
    private int keptTo;
    /** The next character to hand out. */
    private int readAt;
    /** Where each kept line starts, in {@link #kept}: line {@link #firstLine} + i at {@code starts[i]}. */
    private int[] starts = new int[64];
    private int lineCount = 1;
    private long firstLine = 1;
    private boolean lastWasCr;
    private boolean atStart = true;
    private boolean ended;

    /**
     * @param in the decoded text; closed by {@link #close()}
     * @param source the file, for the message about an over-long line
     */
    CsvText(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (readAt == keptTo && !fill()) {
            return -1;
        }
        int count = Math.min(length, keptTo - readAt);
        System.arraycopy(kept, readAt, target, offset, count);
        readAt += count;
        return count;
    }

    /**
     * The text of lines {@code first} to {@code last}, with the line ends between them and without
     * the last one's; as far as it has been read if {@code last} has not ended yet.
     *
     * @throws IllegalArgumentException if {@code first} was released
     */
    String lines(long first, long last) {
        if (first < firstLine) {
            throw new IllegalArgumentException("line " + first + " was released; the first kept is " + firstLine);
        }
        int from = start(first);
        int to = keptTo;
        if (last + 1 - firstLine < lineCount) {
            to = start(last + 1);
            to -= to - 2 >= from && kept[to - 1] == '\n' && kept[to - 2] == '\r' ? 2 : 1;
        }
        return new String(kept, from, Math.max(to - from, 0));
    }

    /** The last line whose start has been read. */
    long lastLine() {
        return firstLine + lineCount - 1;
    }

    /** Lets go of the lines before {@code line}, which must have been handed out. */
    void release(long line) {
        int drop = (int) Math.min(line - firstLine, lineCount - 1);
        if (drop <= 0) {
            return;
        }
        keptFrom = Math.min(starts[drop], readAt);
        System.arraycopy(starts, drop, starts, 0, lineCount - drop);
        lineCount -= drop;
        firstLine += drop;
    }

    /**
     * Makes the next character handed out the first of {@code line}, reading on to it where it has
     * not been read yet, and releases the lines before it.
     */
    void rewindTo(long line) throws IOException {
        while (line - firstLine >= lineCount && fill()) {
            // read on until the line starts, or the text ends
        }
        if (line - firstLine >= lineCount) {
            release(line);
            keptFrom = keptTo;
            readAt = keptTo;
            return;
        }
        release(line);
        readAt = starts[0];
    }

    /** Reads the next chunk and finds its line ends; false at the end of the text. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        makeRoom();
        int read = in.read(kept, keptTo, Math.min(CHUNK, kept.length - keptTo));
        if (read < 0) {
            ended = true;
            return false;
        }
        int from = keptTo;
        keptTo += read;
        if (atStart && read > 0) {
            atStart = false;
            if (kept[from] == '\uFEFF') {
                from++;
                keptFrom = from;
                starts[0] = from;
                readAt = from;
            }
        }
        for (int i = from; i < keptTo; i++) {
            char c = kept[i];
            if (c == '\n' && lastWasCr) {
                starts[lineCount - 1] = i + 1;
            } else if (c == '\n' || c == '\r') {
                if (lineCount == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * lineCount);
                }
                starts[lineCount++] = i + 1;
            }
            lastWasCr = c == '\r';
        }
        return true;
    }

    /** Moves the kept characters to the front, or grows the array, so that a chunk fits after them. */
    private void makeRoom() throws LabelFormatException {
        if (kept.length - keptTo >= CHUNK) {
            return;
        }
        int keep = keptTo - keptFrom;
        if (keep + CHUNK > MAX_KEPT) {
            throw new LabelFormatException(source + ":" + firstLine + ": a line or quoted field of more than "
                    + MAX_KEPT + " characters; a label file's rows are short");
        }
        char[] target = keep + CHUNK <= kept.length / 2 ? kept : new char[Math.max(2 * kept.length, keep + CHUNK)];
        System.arraycopy(kept, keptFrom, target, 0, keep);
        for (int i = 0; i < lineCount; i++) {
            starts[i] -= keptFrom;
        }
        readAt -= keptFrom;
        keptTo = keep;
        keptFrom = 0;
        kept = target;
    }

    private int start(long line) {
        return starts[(int) (line - firstLine)];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
