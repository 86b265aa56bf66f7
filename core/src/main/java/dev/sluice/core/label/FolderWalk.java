package dev.sluice.core.label;

import dev.sluice.api.LabelSink;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code sorted(os.walk(folder, followlinks=True))}: every folder under one class folder with its
 * sorted non-folder entries, folders ordered by their path string (so {@code "a b"} comes before
 * {@code "a/x"}, as in Python). Unlike os.walk, a symbolic link that leads back to a folder above it
 * is reported to the sink instead of being followed until the OS gives up.
 */
final class FolderWalk {

    /**
     * One folder.
     *
     * @param relative its path relative to the root, '/'-separated, starting with the class name
     * @param files its non-folder entries, sorted by code point
     */
    record Folder(String relative, List<String> files) {
    }

    /** Ancestors' real paths, to detect symbolic link loops. */
    private record Chain(Path real, Chain parent) {
        boolean contains(Path path) {
            for (Chain c = this; c != null; c = c.parent) {
                if (c.real.equals(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Pending(Path folder, String relative, Chain ancestors) {
    }

    private FolderWalk() {
    }

    static List<Folder> walk(Path root, String className, LabelSink sink) throws IOException {
        List<Folder> folders = new ArrayList<>();
        Deque<Pending> pending = new ArrayDeque<>();
        Path start = root.resolve(className);
        pending.push(new Pending(start, className, new Chain(start.toRealPath(), null)));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            List<String> files = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(next.folder())) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!Files.isDirectory(entry)) {
                        files.add(name);
                        continue;
                    }
                    Path real = entry.toRealPath();
                    String relative = next.relative() + "/" + name;
                    if (next.ancestors().contains(real)) {
                        sink.problem(0, relative, "symbolic link loop: this folder leads back to one above it");
                    } else {
                        pending.push(new Pending(entry, relative, new Chain(real, next.ancestors())));
                    }
                }
            }
            files.sort(FolderLabelFormat::compareCodePoints);
            folders.add(new Folder(next.relative(), files));
        }
        folders.sort((a, b) -> FolderLabelFormat.compareCodePoints(a.relative(), b.relative()));
        return folders;
    }
}
