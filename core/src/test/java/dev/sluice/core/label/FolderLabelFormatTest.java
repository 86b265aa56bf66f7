package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Options;
import dev.sluice.api.contract.LabelFormatContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FolderLabelFormatTest extends LabelFormatContract {

    @Override
    protected String providerId() {
        return "folder";
    }

    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        Path root = dir.resolve("images");
        for (Entry entry : entries) {
            touch(root.resolve(entry.path()));
        }
        return new WrittenSource(root, Collections.nCopies(entries.size(), 0L));
    }

    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path root = dir.resolve("images");
        touch(root.resolve("cats/1.jpg"));
        touch(root.resolve("dogs/2.jpg"));
        Files.createSymbolicLink(root.resolve("cats/loop"), root.resolve("cats"));
        return new InvalidSource(root, List.of(0L), List.of(Entry.of("cats/1.jpg", 0), Entry.of("dogs/2.jpg", 1)));
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
    }

    private LabelIndex index(Path root) throws IOException {
        return LabelIndex.read(new FolderLabelFormat(false), root, root);
    }

    private static List<String> paths(LabelIndex index) {
        List<String> paths = new ArrayList<>();
        for (long i = 0; i < index.size(); i++) {
            paths.add(index.path(i) + " " + index.label(i, 0));
        }
        return paths;
    }

    @Test
    public void classesAreTheSortedSubFoldersIncludingHiddenOnes() throws IOException {
        Path root = dir.resolve("images");
        touch(root.resolve("dog/a.jpg"));
        touch(root.resolve("Cat/b.jpg"));
        touch(root.resolve(".ipynb_checkpoints/c.png"));
        touch(root.resolve("stray.jpg"));
        LabelIndex index = index(root);
        assertEquals(List.of(".ipynb_checkpoints", "Cat", "dog"), index.classNames());
        assertEquals(List.of(".ipynb_checkpoints/c.png 0", "Cat/b.jpg 1", "dog/a.jpg 2"), paths(index));
    }

    @Test
    public void foldersAreWalkedInPythonsSortedPathOrder() throws IOException {
        Path root = dir.resolve("images");
        touch(root.resolve("c/a/x.jpg"));
        touch(root.resolve("c/a b/y.jpg"));
        touch(root.resolve("c/z.jpg"));
        touch(root.resolve("c/B.jpg"));
        touch(root.resolve("c/a/b/w.jpg"));
        // sorted(os.walk(...)) orders folders by path string: "c" < "c/a" < "c/a b" < "c/a/b", as ' ' < '/'.
        assertEquals(List.of("c/B.jpg 0", "c/z.jpg 0", "c/a/x.jpg 0", "c/a b/y.jpg 0", "c/a/b/w.jpg 0"),
                paths(index(root)));
    }

    @Test
    public void namesSortByCodePointAsInPython() throws IOException {
        Path root = dir.resolve("images");
        touch(root.resolve("\uff5e/a.jpg"));
        touch(root.resolve("\ud83d\ude00/b.jpg"));
        // U+FF5E < U+1F600 by code point, though its UTF-16 unit 0xFF5E > 0xD83D.
        assertEquals(List.of("\uff5e", "\ud83d\ude00"), index(root).classNames());
    }

    @Test
    public void extensionsMatchCaseInsensitivelyAndOthersAreIgnored() throws IOException {
        Path root = dir.resolve("images");
        for (String name : List.of("a.JPG", "b.jpeg", "c.png", "d.ppm", "e.bmp", "f.pgm", "g.tif", "h.TIFF", "i.webp",
                "j.gif", "k.txt", "l.jpg.bak", "Thumbs.db", "jpg")) {
            touch(root.resolve("x").resolve(name));
        }
        assertEquals(List.of("x/a.JPG 0", "x/b.jpeg 0", "x/c.png 0", "x/d.ppm 0", "x/e.bmp 0", "x/f.pgm 0",
                "x/g.tif 0", "x/h.TIFF 0", "x/i.webp 0"), paths(index(root)));
    }

    @Test
    public void symbolicLinksToFoldersAreFollowed() throws IOException {
        Path root = dir.resolve("images");
        touch(dir.resolve("elsewhere/deep/p.png"));
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("linked"), dir.resolve("elsewhere"));
        touch(root.resolve("real/q.jpg"));
        assertEquals(List.of("linked/deep/p.png 0", "real/q.jpg 1"), paths(index(root)));
    }

    @Test
    public void aRootWithoutClassFoldersIsTorchvisionsError() throws IOException {
        Path root = dir.resolve("images");
        touch(root.resolve("a.jpg"));
        LabelFormatException e = assertThrows(LabelFormatException.class, () -> index(root));
        assertEquals("Couldn't find any class folder in " + root + ".", e.getMessage());
    }

    @Test
    public void classesWithoutImagesAreTorchvisionsErrorListingThem() throws IOException {
        Path root = dir.resolve("images");
        touch(root.resolve("b/readme.txt"));
        touch(root.resolve("c/x.jpg"));
        Files.createDirectories(root.resolve("a"));
        LabelFormatException e = assertThrows(LabelFormatException.class, () -> index(root));
        assertEquals(root + ": Found no valid file for the classes a, b. Supported extensions are: .jpg, .jpeg, "
                + ".png, .ppm, .bmp, .pgm, .tif, .tiff, .webp (set allow_empty to accept empty classes)", e.getMessage());
    }

    @Test
    public void allowEmptyAcceptsEmptyClassesAndKeepsTheirLabels() throws IOException {
        Path root = dir.resolve("images");
        Files.createDirectories(root.resolve("a"));
        touch(root.resolve("b/x.jpg"));
        LabelIndex index = LabelIndex.read(
                new FolderLabelFormatProvider().create(Options.of("label_format", Map.of("allow_empty", true))),
                root, root);
        assertEquals(List.of("a", "b"), index.classNames());
        assertEquals(List.of("b/x.jpg 1"), paths(index));
    }

    @Test
    public void aFileInsteadOfAFolderIsAnErrorNamingIt() throws IOException {
        Path file = dir.resolve("train.txt");
        Files.writeString(file, "a.jpg 1\n");
        LabelFormatException e = assertThrows(LabelFormatException.class, () -> index(file));
        assertEquals(file + ": not a folder; the folder format reads a folder with one sub-folder per class",
                e.getMessage());
    }

    @Test
    public void aSymbolicLinkLoopIsReportedWithItsPath() throws IOException {
        Path root = dir.resolve("images");
        touch(root.resolve("cats/1.jpg"));
        Files.createSymbolicLink(root.resolve("cats/again"), root);
        LabelFormatException e = assertThrows(LabelFormatException.class, () -> index(root));
        assertTrue(e.getMessage().startsWith(root + ": symbolic link loop: this folder leads back to one above it: "
                + "'cats/again"), e.getMessage());
    }
}
