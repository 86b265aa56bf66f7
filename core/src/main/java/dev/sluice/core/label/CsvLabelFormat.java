package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.LabelSink;
import dev.sluice.api.spi.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CSV label table (RFC 4180) with a header row: one column holds the image path, the label
 * columns hold integer labels. Names may hold delimiters, spaces and any Unicode when quoted.
 * Labels may have spaces around them; an empty label is a problem.
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
        try (InputStream in = RegularFiles.newInputStream(source)) {
            read(source, new CsvReader(in, delimiter), sink);
        }
    }

    private void read(Path source, CsvReader csv, LabelSink sink) throws IOException {
        if (!csv.next() || csv.isBlank()) {
            throw new LabelFormatException(source + ": no header row; a CSV label file starts with a row naming its "
                    + "columns, e.g. 'path,label'");
        }
        Optional<String> headerProblem = csv.problem();
        if (headerProblem.isPresent()) {
            throw new LabelFormatException(source + ":" + csv.line() + ": " + headerProblem.get() + ": '"
                    + ProblemLog.shorten(csv.text()) + "'");
        }
        List<String> header = List.copyOf(csv.fields());
        int pathIndex = column(source, header, pathColumn);
        int[] labelIndexes = labelIndexes(source, header, pathIndex);
        long[] labels = new long[labelIndexes.length];
        while (csv.next()) {
            if (csv.isBlank()) {
                continue;
            }
            Optional<String> problem = csv.problem();
            if (problem.isPresent()) {
                sink.problem(csv.line(), csv.text(), problem.get());
                continue;
            }
            List<String> fields = csv.fields();
            if (fields.size() != header.size()) {
                sink.problem(csv.line(), csv.text(), "expected " + header.size() + " fields as in the header, found "
                        + fields.size());
                continue;
            }
            String path = fields.get(pathIndex);
            if (path.isEmpty()) {
                sink.problem(csv.line(), csv.text(), "empty path in column '" + pathColumn + "'");
                continue;
            }
            if (parseLabels(csv, header, labelIndexes, labels, sink)) {
                sink.entry(path, labels, csv.line());
            }
        }
    }

    private static boolean parseLabels(CsvReader csv, List<String> header, int[] labelIndexes, long[] labels,
            LabelSink sink) {
        List<String> fields = csv.fields();
        for (int k = 0; k < labelIndexes.length; k++) {
            String text = fields.get(labelIndexes[k]).strip();
            try {
                labels[k] = Long.parseLong(text);
            } catch (NumberFormatException e) {
                String reason = text.isEmpty()
                        ? "empty label in column '" + header.get(labelIndexes[k]) + "'"
                        : "label '" + ProblemLog.shorten(text) + "' in column '" + header.get(labelIndexes[k])
                                + "' is not an integer";
                sink.problem(csv.line(), csv.text(), reason);
                return false;
            }
        }
        return true;
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
