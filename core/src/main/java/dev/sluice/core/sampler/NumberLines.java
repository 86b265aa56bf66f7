package dev.sluice.core.sampler;

import dev.sluice.api.spi.RegularFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a file of one number per line, keeping one short line in memory at a time: a line longer
 * than {@link #MAX_LINE} bytes is refused before more of it is read, so a hostile file cannot make
 * the reader hold more than that. Blank lines and lines starting with {@code #} are skipped; CR LF
 * endings are accepted. Only regular files are opened.
 */
final class NumberLines implements AutoCloseable {
    /** The longest line accepted, in bytes: far more than any number needs. */
    static final int MAX_LINE = 64;
    private final Path file;
    private final InputStream in;
    private final byte[] line = new byte[MAX_LINE];
    private int lineNumber;
    private boolean ended;

    NumberLines(Path file) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(RegularFiles.newInputStream(file));
    }

    /** The next line's text, trimmed, or null at the end of the file. */
    String next() throws IOException {
        while (!ended) {
            int length = 0;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (length == MAX_LINE) {
                    throw problem(lineNumber + 1, "longer than " + MAX_LINE + " bytes; one number per line");
                }
                line[length++] = (byte) b;
            }
            ended = b < 0;
            if (ended && length == 0) {
                return null;
            }
            lineNumber++;
            String text = new String(line, 0, length, StandardCharsets.US_ASCII).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return text;
            }
        }
        return null;
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** A problem with the file as a whole. */
    SamplerFileException problem(String reason) {
        return new SamplerFileException(file + ": " + reason);
    }

    /** A problem with line {@code number}. */
    SamplerFileException problem(int number, String reason) {
        return new SamplerFileException(file + ":" + number + ": " + reason);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
