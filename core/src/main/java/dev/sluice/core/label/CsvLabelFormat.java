package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.LabelSink;
import dev.sluice.api.spi.RegularFiles;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV label table (RFC 4180) with a header row: one column holds the image path, the label
 * columns hold integer labels. Names may hold delimiters, spaces and any Unicode when quoted.
 * Labels may have spaces around them; an empty label is a problem. The rows are split by FastCSV
 * ({@link CsvRows}); this class gives the columns their meaning.
 */
final class CsvLabelFormat implements LabelFormat {
    static final String ID = "csv";

    private final String pathColumn;
    /** Empty means every column but the path column. */
    private final List<String> labelColumns;
    private final char delimiter;

    /**
     * @param pathColumn the header name of the path column
     * @param labelColumns the header names of the label columns in label order; empty for every
     *        other column in header order
     * @param delimiter the field separator
     */
    CsvLabelFormat(String pathColumn, List<String> labelColumns, char delimiter) {
        this.pathColumn = pathColumn;
        this.labelColumns = List.copyOf(labelColumns);
        this.delimiter = delimiter;
    }

    @Override
    public void read(Path source, LabelSink sink) throws IOException {
        try (CsvText text = new CsvText(new InputStreamReader(RegularFiles.newInputStream(source),
                StandardCharsets.UTF_8), source.toString())) {
            read(source, new CsvRows(text, delimiter), sink);
        }
    }

    private void read(Path source, CsvRows csv, LabelSink sink) throws IOException {
        CsvRow head = csv.next();
        if (head == null || head.isBlank()) {
            throw new LabelFormatException(source + ": no header row; a CSV label file starts with a row naming its "
                    + "columns, e.g. 'path,label'");
        }
        if (head.problem() != null) {
            throw new LabelFormatException(source + ":" + head.line() + ": " + head.problem() + ": '"
                    + ProblemLog.shorten(csv.text(head)) + "'");
        }
        List<String> header = head.fields();
        int pathIndex = column(source, header, pathColumn);
        int[] labelIndexes = labelIndexes(source, header, pathIndex);
        long[] labels = new long[labelIndexes.length];
        for (CsvRow row = csv.next(); row != null; row = csv.next()) {
            if (row.isBlank()) {
                continue;
            }
            if (row.problem() != null) {
                sink.problem(row.line(), csv.text(row), row.problem());
                continue;
            }
            List<String> fields = row.fields();
            if (fields.size() != header.size()) {
                sink.problem(row.line(), csv.text(row), "expected " + header.size() + " fields as in the header, "
                        + "found " + fields.size());
                continue;
            }
            String path = fields.get(pathIndex);
            if (path.isEmpty()) {
                sink.problem(row.line(), csv.text(row), "empty path in column '" + pathColumn + "'");
                continue;
            }
            String problem = parseLabels(fields, header, labelIndexes, labels);
            if (problem != null) {
                sink.problem(row.line(), csv.text(row), problem);
            } else {
                sink.entry(path, labels, row.line());
            }
        }
    }

    /** Parses the label columns into {@code labels}; null, or what is wrong with the first that does not parse. */
    private static String parseLabels(List<String> fields, List<String> header, int[] labelIndexes, long[] labels) {
        for (int k = 0; k < labelIndexes.length; k++) {
            String text = fields.get(labelIndexes[k]).strip();
            try {
                labels[k] = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return text.isEmpty()
                        ? "empty label in column '" + header.get(labelIndexes[k]) + "'"
                        : "label '" + ProblemLog.shorten(text) + "' in column '" + header.get(labelIndexes[k])
                                + "' is not an integer";
            }
        }
        return null;
    }

    private int[] labelIndexes(Path source, List<String> header, int pathIndex) throws LabelFormatException {
        if (labelColumns.isEmpty()) {
            int[] indexes = new int[header.size() - 1];
            int k = 0;
            for (int i = 0; i < header.size(); i++) {
                if (i != pathIndex) {
                    indexes[k++] = i;
                }
            }
            return indexes;
        }
        int[] indexes = new int[labelColumns.size()];
        for (int k = 0; k < indexes.length; k++) {
            indexes[k] = column(source, header, labelColumns.get(k));
            if (indexes[k] == pathIndex) {
                throw new LabelFormatException(source + ":1: column '" + pathColumn
                        + "' cannot be both the path column and a label column");
            }
        }
        return indexes;
    }

    private static int column(Path source, List<String> header, String name) throws LabelFormatException {
        int found = header.indexOf(name);
        if (found < 0) {
            throw new LabelFormatException(source + ":1: no column '" + name + "' in the header; its columns are: "
                    + quoted(header));
        }
        if (header.lastIndexOf(name) != found) {
            throw new LabelFormatException(source + ":1: column '" + name + "' appears more than once in the header: "
                    + quoted(header));
        }
        return found;
    }

    private static String quoted(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add("'" + ProblemLog.shorten(name) + "'");
        }
        return String.join(", ", out);
    }
}
