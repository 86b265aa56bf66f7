package dev.sluice.api;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * <p>A format may also read the labels of a single sample from bytes, such as the
 * {@code 000123.cls} or {@code 000123.json} member of a tar shard: see {@link #readMember}.
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

    /**
     * Reads the labels of one sample from the bytes of a member of a sample container, such as
     * the {@code 000123.cls} or {@code 000123.json} member of a WebDataset-style tar shard. Called
     * by core's shard dataset for every sample, from loader worker threads, several at a time: an
     * implementation must be thread-safe.
     *
     * <p>The format calls {@link LabelSink#entry} once, with {@code name} as the path and line 0,
     * or reports what is wrong with {@link LabelSink#problem} (line 0).
     *
     * <p>The default refuses: a format that reads only whole label files need not implement it.
     *
     * @param name the member's name, such as {@code "000123.cls"}; for messages and as the entry's path
     * @param bytes the member's content, from position to limit; not modified
     * @param sink receives the entry or the problem
     * @throws LabelFormatException if this format cannot read the labels of a single sample (the default)
     * @throws IOException if reading fails otherwise
     */
    default void readMember(String name, ByteBuffer bytes, LabelSink sink) throws IOException {
        throw new LabelFormatException(name + ": " + getClass().getName() + " reads label files, not the labels of "
                + "one sample; use a label format that reads members (txt reads .cls, json reads .json)");
    }
}
