package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code csv} label format: an RFC 4180 table with a header row, one column for the image path
 * and one or more integer label columns. Found by {@link java.util.ServiceLoader}.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code path_column}: the header name of the path column; default {@code "path"}.</li>
 *   <li>{@code label_columns}: a column name or a list of them, in label order; default every column
 *       but the path column, in header order.</li>
 *   <li>{@code delimiter}: the one-character field separator; default {@code ","}.</li>
 * </ul>
 *
 * <pre>{@code
 * label_format:
 *   csv: {path_column: file, label_columns: [species, pose], delimiter: ";"}
 * }</pre>
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option, an empty column name, a label column list that is not a list of names, or a
 * delimiter that is not one character other than a quote or a line break.
 */
public final class CsvLabelFormatProvider extends BuiltInLabelFormatProvider {
    private static final String PATH_COLUMN = "path_column";
    private static final String LABEL_COLUMNS = "label_columns";
    private static final String DELIMITER = "delimiter";

    /** A provider; constructing one does nothing else. */
    public CsvLabelFormatProvider() {
        super(CsvLabelFormat.ID, Set.of(PATH_COLUMN, LABEL_COLUMNS, DELIMITER), CsvLabelFormatProvider::build);
    }

    private static LabelFormat build(Options options) {
        String pathColumn = options.getString(PATH_COLUMN, "path");
        if (pathColumn.isEmpty()) {
            throw new OptionsException(options.keyPath(PATH_COLUMN), "must name a column, was ''");
        }
        String delimiter = options.getString(DELIMITER, ",");
        if (delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
            throw new OptionsException(options.keyPath(DELIMITER),
                    "must be one character other than a quote or a line break, was '" + delimiter + "'");
        }
        return new CsvLabelFormat(pathColumn, labelColumns(options), delimiter.charAt(0));
    }

    private static List<String> labelColumns(Options options) {
        Object raw = options.raw(LABEL_COLUMNS);
        if (raw == null) {
            return List.of();
        }
        List<?> given = raw instanceof List<?> list ? list : List.of(raw);
        if (given.isEmpty()) {
            throw new OptionsException(options.keyPath(LABEL_COLUMNS),
                    "must name at least one column; leave it out to use every column but the path column");
        }
        List<String> names = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            Object name = given.get(i);
            if (!(name instanceof String || name instanceof Number) || name.toString().isEmpty()) {
                throw new OptionsException(options.keyPath(LABEL_COLUMNS) + "[" + i + "]",
                        "must be a column name, was " + (name instanceof String ? "''" : String.valueOf(name)));
            }
            names.add(name.toString());
        }
        return names;
    }
}
