package dev.sluice.api;

import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.target.EntryTargets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Receives what a {@link LabelFormat} reads. Implemented by core; a format calls it on the thread
 * that called {@link LabelFormat#read}.
 */
public interface LabelSink {

    /**
     * One sample.
     *
     * @param path the image path as written in the source (relative to the image root, or absolute);
     *        not empty
     * @param labels the sample's integer labels, possibly none; the sink copies what it keeps
     * @param line the 1-based line of the source it came from, or 0 where the source has no lines
     */
    void entry(String path, long[] labels, long line);

    /**
     * One sample with targets: boxes and their labels, instance outlines or a mask file, as
     * detection and segmentation formats (coco, yolo, voc, mask_folder) read them. Core's label
     * index stores the targets beside the path and resolves them when the sample is loaded.
     *
     * <p>The default reports the entry as a problem, naming the sink's class, so that a sink written
     * before targets existed never drops them silently.
     *
     * @param path the image path, as for {@link #entry(String, long[], long)}
     * @param labels the sample's image-level labels, usually none for detection; copied
     * @param targets the sample's targets
     * @param line the 1-based line, or 0 where the source has no lines (or the entry is spread over it)
     */
    default void entry(String path, long[] labels, EntryTargets targets, long line) {
        problem(line, path, "this entry has targets (" + targets + ") but " + getClass().getName()
                + " keeps labels only");
    }

    /**
     * A part of the source that could not be read as an entry. Reading goes on; core reports all
     * problems together (up to a limit) with file:line.
     *
     * @param line the 1-based line, or 0 where the source has no lines
     * @param text the offending text as it stands in the source (core shortens long text), or null
     *        when the reason already says where (a JSON pointer, a file inside a folder)
     * @param reason what is wrong, e.g. {@code "label 'x7' is not an integer"}
     */
    void problem(long line, String text, String reason);

    /**
     * Something the format read but changed, as the tool it follows changes it, with a warning (YOLO:
     * duplicate objects removed, as Ultralytics removes them). Not a problem: reading goes on and the
     * entry is kept. Core logs it with file:line, as it reports problems.
     *
     * <p>The default logs it at {@code WARNING} through {@link System.Logger}, so that a sink written
     * before warnings existed never drops one silently.
     *
     * @param line the 1-based line, or 0 where the source has no lines (or the reason names it)
     * @param text the text concerned, or null when the reason already says where
     * @param reason what was changed and why, e.g. {@code "a.txt:3: 1 duplicate label removed ..."}
     */
    default void warning(long line, String text, String reason) {
        System.getLogger(LabelSink.class.getName()).log(System.Logger.Level.WARNING,
                (line > 0 ? line + ": " : "") + reason + (text == null ? "" : ": '" + MessageValues.shorten(text, 120)
                        + "'"));
    }

    /**
     * The names of the classes, index by label value, where the format knows them (folder per class:
     * the sorted folder names). Formats that do not know names do not call it.
     */
    default void classNames(List<String> names) {
    }

    /**
     * The folder that relative entry paths resolve against, where the sink knows it (core's label
     * index always does). A format whose label files sit beside the images under a parallel tree,
     * as YOLO's do, lists the images there, so that an image without a label file is still an entry
     * (an image without objects) and a label file without an image is reported. Empty by default.
     */
    default Optional<Path> imageRoot() {
        return Optional.empty();
    }
}
