package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.spi.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The seed recipe's label file: one {@code image_name label1 [label2 ...]} line per sample, with
 * the recipe's defects fixed. Any run of spaces, tabs (and CR, VT, FF) separates fields; blank lines
 * and lines whose first non-blank character is {@code #} are skipped; CRLF line ends and a UTF-8
 * byte-order mark are accepted; labels are 64-bit integers with an optional sign. A line with a
 * name and no label, a label that is not an integer, or a name that is not UTF-8 is reported to
 * the sink and reading goes on.
 *
 * <p>Bytes are scanned directly (no regex, no split, no per-line String except the path), so a
 * file of millions of lines reads at several million lines a second.
 *
 * <p>A shard member ({@link #readMember}) holds the labels alone, separated by whitespace: WebDataset's
 * {@code .cls} member ({@code "3"}), or several for a multi-label sample ({@code "3 7"}).
 */
final class TxtLabelFormat implements LabelFormat {
    static final String ID = "txt";
    private static final int BUFFER_SIZE = 1 << 16;
    /** A longer line is reported, not buffered: a label line is a path and a few numbers. */
    static final int MAX_LINE_BYTES = 1 << 20;

    @Override
    public void read(Path source, LabelSink sink) throws IOException {
        try (InputStream in = RegularFiles.newInputStream(source)) {
            read(in, sink);
        }
    }

    @Override
    public void readMember(String name, ByteBuffer bytes, LabelSink sink) {
        byte[] content = new byte[bytes.remaining()];
        bytes.duplicate().get(content);
        int from = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF ? 3 : 0;
        new TxtLineParser(sink).parseMember(name, content, from, content.length);
    }

    /** Reads {@code in} to its end; does not close it. */
    void read(InputStream in, LabelSink sink) throws IOException {
        TxtLineParser parser = new TxtLineParser(sink);
        byte[] buffer = new byte[BUFFER_SIZE];
        int filled = 0;
        int lineStart = 0;
        int scanFrom = 0;
        long line = 1;
        boolean eof = false;
        boolean bomChecked = false;
        boolean skippingLongLine = false;
        while (true) {
            if (!bomChecked && (filled >= 3 || eof)) {
                bomChecked = true;
                if (filled >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                    lineStart = 3;
                    scanFrom = 3;
                }
            }
            int newline = bomChecked ? indexOfNewline(buffer, scanFrom, filled) : -1;
            if (newline >= 0) {
                if (skippingLongLine) {
                    skippingLongLine = false;
                } else {
                    parser.parse(buffer, lineStart, newline, line);
                }
                line++;
                lineStart = newline + 1;
                scanFrom = lineStart;
                continue;
            }
            if (eof) {
                if (lineStart < filled && !skippingLongLine) {
                    parser.parse(buffer, lineStart, filled, line);
                }
                return;
            }
            if (lineStart > 0) {
                System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
                filled -= lineStart;
                lineStart = 0;
            }
            // Before the byte-order mark is known, the first line's start is not known either.
            scanFrom = bomChecked ? filled : 0;
            if (filled == buffer.length) {
                if (skippingLongLine) {
                    filled = 0;
                    scanFrom = 0;
                } else if (buffer.length >= MAX_LINE_BYTES) {
                    parser.tooLong(buffer, line);
                    skippingLongLine = true;
                    filled = 0;
                    scanFrom = 0;
                } else {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                eof = true;
            } else {
                filled += read;
            }
        }
    }

    private static int indexOfNewline(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
