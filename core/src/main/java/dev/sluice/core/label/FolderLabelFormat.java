package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.LabelSink;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folder per class, as torchvision's {@code ImageFolder}: the classes are the sorted names of the
 * root's sub-folders (hidden ones included, symbolic links followed), a class's label is its
 * position in that order, and its samples are the files under its folder, walked recursively in
 * {@code sorted(os.walk(...))} order, whose lower-cased names end with one of
 * {@link #IMG_EXTENSIONS}. Paths are relative to the root, with '/' separators. Names sort by code
 * point, as Python sorts strings.
 */
final class FolderLabelFormat implements LabelFormat {
    static final String ID = "folder";
    static final List<String> IMG_EXTENSIONS =
            List.of(".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp");

    private final boolean allowEmpty;

    /** @param allowEmpty whether a class folder without any image is accepted (torchvision's allow_empty) */
    FolderLabelFormat(boolean allowEmpty) {
        this.allowEmpty = allowEmpty;
    }

    @Override
    public void read(Path root, LabelSink sink) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(root)) {
            throw new LabelFormatException(root + ": not a folder; the folder format reads a folder with one "
                    + "sub-folder per class");
        }
        List<String> classes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    classes.add(entry.getFileName().toString());
                }
            }
        }
        if (classes.isEmpty()) {
            throw new LabelFormatException("Couldn't find any class folder in " + root + ".");
        }
        classes.sort(FolderLabelFormat::compareCodePoints);
        sink.classNames(classes);
        List<String> emptyClasses = new ArrayList<>();
        long[] label = new long[1];
        for (int index = 0; index < classes.size(); index++) {
            label[0] = index;
            int found = 0;
            for (FolderWalk.Folder folder : FolderWalk.walk(root, classes.get(index), sink)) {
                for (String file : folder.files()) {
                    if (hasImageExtension(file)) {
                        sink.entry(folder.relative() + "/" + file, label, 0);
                        found++;
                    }
                }
            }
            if (found == 0) {
                emptyClasses.add(classes.get(index));
            }
        }
        if (!emptyClasses.isEmpty() && !allowEmpty) {
            throw new LabelFormatException(root + ": Found no valid file for the classes " + String.join(", ", emptyClasses)
                    + ". Supported extensions are: " + String.join(", ", IMG_EXTENSIONS)
                    + " (set allow_empty to accept empty classes)");
        }
    }

    static boolean hasImageExtension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String extension : IMG_EXTENSIONS) {
            if (lower.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /** Python's string order: by code point, which differs from {@link String#compareTo} above U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
