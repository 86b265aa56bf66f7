package dev.sluice.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a label source into (image path, labels) entries: the seed recipe's text file, a CSV table,
 * a folder per class, or any format a plugin adds. Made by a
 * {@link dev.sluice.api.spi.LabelFormatProvider}; called once per dataset by core, on one thread.
 *
 * <p>A format streams what it reads into a {@link LabelSink} instead of returning a list, so that
 * core can store millions of entries compactly. A line that cannot be parsed is reported to
 * {@link LabelSink#problem} and reading goes on, so that the user sees every bad line at once;
 * core turns the problems into one {@link LabelFormatException} naming each file:line.
 *
 * <pre>{@code
 * LabelFormat format = (source, sink) -> {
 *     long line = 0;
 *     for (String text : Files.readAllLines(source)) {
 *         line++;
 *         sink.entry(text, new long[0], line);
 *     }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface LabelFormat {

    /**
     * Reads every entry of {@code source}.
     *
     * @param source the label file, or the root folder for folder-shaped formats
     * @param sink receives entries and problems in source order
     * @throws IOException if the source cannot be read at all (missing, unreadable); the message names it
     * @throws LabelFormatException if the source as a whole is unusable (for example a folder without
     *         any class folder), naming it
     */
    void read(Path source, LabelSink sink) throws IOException;
}
