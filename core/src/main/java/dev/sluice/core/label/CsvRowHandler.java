package dev.sluice.core.label;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns FastCSV's fields into {@link CsvRow}s, and names what FastCSV accepts but a label file must
 * not hold: a quote inside an unquoted field, and text that is not UTF-8 (decoded as U+FFFD).
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {
    private final List<String> fields = new ArrayList<>();
    private long lineBreaks;
    private String problem;

    @Override
    protected void handleBegin(long startingLineNumber) {
        fields.clear();
        lineBreaks = 0;
        problem = null;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        for (int i = offset; i < offset + len; i++) {
            char c = buf[i];
            if (c == '\uFFFD') {
                setProblem("not valid UTF-8 text");
            } else if (c == '"' && !quoted) {
                setProblem("a quote inside an unquoted field; quote the whole field and write \"\" for a quote");
            } else if (c == '\n' ? i == offset || buf[i - 1] != '\r' : c == '\r') {
                lineBreaks++;
            }
        }
        fields.add(new String(buf, offset, len));
    }

    private void setProblem(String reason) {
        if (problem == null) {
            problem = reason;
        }
    }

    @Override
    protected CsvRow buildRecord() {
        long line = getStartingLineNumber();
        List<String> row = getRecordType() == RecordType.EMPTY ? List.of() : List.copyOf(fields);
        return new CsvRow(line, line + lineBreaks, row, problem);
    }

    /** The line the row being read starts on. */
    long line() {
        return getStartingLineNumber();
    }
}
