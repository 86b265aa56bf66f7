package dev.sluice.core.label;

import java.util.List;

/**
 * One row of a CSV label file.
 *
 * @param line the 1-based line it starts on
 * @param lastLine the line it ends on (later than {@code line} when a quoted field holds line breaks)
 * @param fields its fields, unquoted; empty for a blank line
 * @param problem what is malformed about it, or null
 */
record CsvRow(long line, long lastLine, List<String> fields, String problem) {

    /** Whether the row is a blank line. */
    boolean isBlank() {
        return fields.isEmpty() && problem == null;
    }
}
