package dev.sluice.core.label;

import dev.sluice.api.LabelFormatException;
import dev.sluice.api.LabelSink;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The label files of a format that keeps one file per image (yolo's {@code .txt}, voc's
 * {@code .xml}, mask_folder's {@code .png}): every regular file under a folder whose lower-cased
 * name ends with the format's extension, sorted by relative path in code-point order. Symbolic links
 * are not followed into folders; a link to a file is taken only when its real path stays under the
 * folder's real path, and is otherwise reported, so that a label folder cannot make Sluice read
 * files elsewhere.
 */
final class LabelFileWalk {

    /**
     * One label file.
     *
     * @param relative its path under the folder, '/'-separated
     * @param path the file
     */
    record LabelFile(String relative, Path path) {
        /** The relative path without the extension, e.g. {@code "train/000005"}. */
        String stem(String extension) {
            return relative.substring(0, relative.length() - extension.length());
        }
    }

    private LabelFileWalk() {
    }

    /**
     * @param extension the lower-case extension, with its dot
     * @throws NoSuchFileException if {@code folder} does not exist
     * @throws LabelFormatException if it is not a folder
     */
    static List<LabelFile> walk(Path folder, String extension, String formatId, LabelSink sink) throws IOException {
        if (!Files.exists(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new LabelFormatException(folder + ": not a folder; the " + formatId + " format reads a folder of "
                    + extension + " files, one per image");
        }
        return files(folder, List.of(extension), sink);
    }

    /**
     * The files under {@code folder} whose lower-cased name ends with one of {@code extensions}, with
     * the same checks and order as {@link #walk}: the images under an image root, for a format that
     * matches them to its label files.
     *
     * @param extensions lower-case extensions, each with its dot
     */
    static List<LabelFile> files(Path folder, List<String> extensions, LabelSink sink) throws IOException {
        Path realRoot = folder.toRealPath();
        List<LabelFile> files = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (attributes.isSymbolicLink() && Files.isDirectory(file)) {
                    sink.problem(0, null, relative + ": a symbolic link to a folder; folders of label files and "
                            + "images are walked without following links");
                    return FileVisitResult.CONTINUE;
                }
                String lowerCase = relative.toLowerCase(Locale.ROOT);
                if (extensions.stream().noneMatch(lowerCase::endsWith)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.isSymbolicLink()) {
                    Path real;
                    try {
                        real = file.toRealPath();
                    } catch (IOException e) {
                        sink.problem(0, null, relative + ": a symbolic link that leads nowhere");
                        return FileVisitResult.CONTINUE;
                    }
                    if (!real.startsWith(realRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                        sink.problem(0, null, relative + ": a symbolic link that leaves the folder " + folder
                                + " or is not a regular file; not read");
                        return FileVisitResult.CONTINUE;
                    }
                } else if (!attributes.isRegularFile()) {
                    sink.problem(0, null, relative + ": not a regular file");
                    return FileVisitResult.CONTINUE;
                }
                files.add(new LabelFile(relative, file));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                sink.problem(0, null, folder.relativize(file) + ": cannot be read: " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort((a, b) -> FolderLabelFormat.compareCodePoints(a.relative(), b.relative()));
        return files;
    }
}
