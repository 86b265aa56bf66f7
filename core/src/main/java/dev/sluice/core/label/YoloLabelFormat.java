package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.spi.RegularFiles;
import dev.sluice.api.target.EntryTargets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * YOLO labels: a folder of {@code .txt} files, one per image ({@code labels/train/x.txt} for
 * {@code images/train/x.jpg}), each line one object as {@link YoloLines} reads it: a box
 * {@code class cx cy w h} with the box's centre and size as fractions of the image's width and
 * height, a polygon, or a pose line. The image's size is not in the file, so the targets stay
 * normalised ({@link EntryTargets#normalizedBoxes}) until the sample is decoded. An empty file is an
 * image without objects.
 *
 * <p>Where the sink knows the image root, the entries are the images under it, in sorted order, as
 * Ultralytics reads a YOLO dataset: each matched to the label file at the same relative path with
 * {@code .txt} for its extension, an image without a label file being an image without objects
 * (a background image), and a label file without an image reported. Without an image root the
 * entries are the sorted label files, the image path being the label file's with the image
 * extension ({@code .jpg} unless set) in place of {@code .txt}.
 */
final class YoloLabelFormat implements LabelFormat {
    static final String ID = "yolo";
    static final String EXTENSION = ".txt";
    /** A YOLO label file lists a few hundred boxes at most; one far larger is not one. */
    static final long MAX_FILE_BYTES = 16 << 20;

    private final Optional<String> imageExtension;
    private final YoloLines lines;

    /**
     * @param imageExtension the one extension the images have, e.g. {@code ".png"}; empty for any of
     *        the extensions the folder format reads
     * @param lines what the lines of a label file are
     */
    YoloLabelFormat(Optional<String> imageExtension, YoloLines lines) {
        this.imageExtension = imageExtension;
        this.lines = lines;
    }

    @Override
    public void read(Path folder, LabelSink sink) throws IOException {
        List<LabelFileWalk.LabelFile> labelFiles = LabelFileWalk.walk(folder, EXTENSION, ID, sink);
        Optional<Path> imageRoot = sink.imageRoot().filter(Files::isDirectory);
        if (imageRoot.isEmpty()) {
            for (LabelFileWalk.LabelFile file : labelFiles) {
                readLabelFile(file, file.stem(EXTENSION) + imageExtension.orElse(".jpg"), sink);
            }
            return;
        }
        Map<String, LabelFileWalk.LabelFile> labelsByStem = new HashMap<>();
        for (LabelFileWalk.LabelFile file : labelFiles) {
            labelsByStem.put(file.stem(EXTENSION), file);
        }
        List<String> extensions = imageExtension.map(e -> List.of(e.toLowerCase(Locale.ROOT)))
                .orElse(FolderLabelFormat.IMG_EXTENSIONS);
        Map<String, String> imageByStem = new HashMap<>();
        for (LabelFileWalk.LabelFile image : LabelFileWalk.files(imageRoot.get(), extensions, sink)) {
            String relative = image.relative();
            String stem = relative.substring(0, relative.lastIndexOf('.'));
            String other = imageByStem.putIfAbsent(stem, relative);
            if (other != null) {
                sink.problem(0, null, relative + ": a second image beside " + other + " for the label file " + stem
                        + EXTENSION + "; set the option image_extension to choose one");
                continue;
            }
            LabelFileWalk.LabelFile labels = labelsByStem.remove(stem);
            if (labels == null) {
                sink.entry(relative, new long[0], lines.none(), 0);
            } else {
                readLabelFile(labels, relative, sink);
            }
        }
        labelsByStem.keySet().stream().sorted(FolderLabelFormat::compareCodePoints).forEach(stem -> sink.problem(0, null,
                stem + EXTENSION + ": no image " + stem + ".* (" + String.join(", ", extensions) + ") under the image "
                        + "root " + imageRoot.get()));
    }

    private void readLabelFile(LabelFileWalk.LabelFile file, String imagePath, LabelSink sink)
            throws IOException {
        long size = Files.size(file.path());
        if (size > MAX_FILE_BYTES) {
            sink.problem(0, null, file.relative() + ": " + size + " bytes, more than the " + MAX_FILE_BYTES
                    + " a YOLO label file may have");
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(RegularFiles.readAllBytes(file.path()))).toString();
        } catch (CharacterCodingException e) {
            sink.problem(0, null, file.relative() + ": not UTF-8 text");
            return;
        }
        lines.read(file.relative(), text, sink).ifPresent(targets -> sink.entry(imagePath, new long[0], targets, 0));
    }
}
