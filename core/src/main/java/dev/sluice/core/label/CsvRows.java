package dev.sluice.core.label;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The rows of a CSV label file (RFC 4180: fields separated by a delimiter, optionally in double
 * quotes, where a quoted field may hold delimiters, line breaks and {@code ""} for a quote), split
 * by FastCSV. A row FastCSV refuses (text after a closing quote, a quote not closed before the end
 * of the file, a field longer than {@link CsvText#MAX_KEPT} characters) is returned with its
 * problem, and reading starts again at the next line, so that every malformed row is reported with
 * its line. Not thread-safe.
 */
final class CsvRows {
    private final CsvText text;
    private final CsvReader.CsvReaderBuilder builder;
    private CsvRowHandler handler;
    private CloseableIterator<CsvRow> rows;
    /** The lines before the current parser's first. */
    private long skipped;
    /** The line to start again at after a refused row; 0 before any. */
    private long resumeAt;

    /**
     * @param text the file's text; closed by the caller
     * @param delimiter the field separator
     */
    CsvRows(CsvText text, char delimiter) {
        this.text = text;
        this.builder = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE).skipEmptyLines(false).allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(false).extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE).maxBufferSize(CsvText.MAX_KEPT / 2);
    }

    /** The next row, or null at the end; the rows before it are let go. */
    CsvRow next() throws IOException {
        if (rows == null) {
            if (resumeAt > 0) {
                text.rewindTo(resumeAt);
                skipped = resumeAt - 1;
            }
            handler = new CsvRowHandler();
            rows = builder.build(handler, text).iterator();
        }
        try {
            if (!rows.hasNext()) {
                return null;
            }
            CsvRow row = rows.next();
            text.release(row.line() + skipped);
            return new CsvRow(row.line() + skipped, row.lastLine() + skipped, row.fields(), row.problem());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            long line = handler.line() + skipped;
            text.release(line);
            rows = null;
            resumeAt = line + 1;
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            if (reason.startsWith("Unclosed quoted field")) {
                return new CsvRow(line, text.lastLine(), List.of(), "a quoted field is not closed before the end of "
                        + "the file");
            }
            return new CsvRow(line, line, List.of(), reason.startsWith("Unexpected character after closing quote")
                    ? "text after the closing quote of a field" : "not readable as CSV: " + reason);
        }
    }

    /** The row as it stands in the file, without its line end; valid until the next call to {@link #next()}. */
    String text(CsvRow row) {
        return text.lines(row.line(), row.lastLine());
    }
}
