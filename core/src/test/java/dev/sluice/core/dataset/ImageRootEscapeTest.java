package dev.sluice.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.contract.SpecialFiles;
import dev.sluice.core.label.FolderLabelFormatProvider;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, items 1, 11 and 12, built from the cases: with {@code root: images}, links inside the
 * root that lead out of it, and files that are not regular files, each read as a sample.
 */
class ImageRootEscapeTest {
    private static final String LEAVES = "a symbolic link leads outside the image root ";

    @TempDir
    Path dir;
    private Path images;
    private Path outside;

    @BeforeEach
    void anImageRootAndAFolderOutsideIt() throws IOException {
        images = Files.createDirectories(dir.resolve("images"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(images.resolve("inside.tiny"), TinyImageDecoder.encode(1, 1, 10));
        Files.write(outside.resolve("secret.tiny"), TinyImageDecoder.encode(1, 1, 99));
    }

    @Test
    void aFolderLinkOutOfTheRootIsRefused() throws IOException {
        // ln -s ../outside images/linkdir, and a label line "linkdir/secret.tiny 0": sluice dump returned its pixels.
        Files.createSymbolicLink(images.resolve("linkdir"), Path.of("../outside"));
        ImageLabelDataset<Image> dataset = dataset("linkdir/secret.tiny 0\n", false);
        SampleLoadException refused = assertThrows(SampleLoadException.class, () -> dataset.get(0));
        assertEquals("sample 0 (" + images.resolve("linkdir/secret.tiny") + ", " + dir.resolve("train.txt") + ":1): "
                + LEAVES + images
                + "; set dataset.allow_outside_root: true to follow links out of it", refused.getMessage());
    }

    @Test
    void aFileLinkOutOfTheRootIsRefused() throws IOException {
        Files.createSymbolicLink(images.resolve("evil.tiny"), outside.resolve("secret.tiny"));
        ImageLabelDataset<Image> dataset = dataset("evil.tiny 0\n", false);
        assertThrows(SampleLoadException.class, () -> dataset.get(0));
    }

    @Test
    void aLinkToAFileThatIsNotAnImageNeverShowsItsContent() throws IOException {
        // A link to /etc/passwd named evil.jpg failed quoting 'root:x:0'; a file stand-in keeps the test hermetic.
        Path passwd = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(images.resolve("evil.tiny"), passwd);
        SampleLoadException outsideRoot = assertThrows(SampleLoadException.class,
                () -> dataset("evil.tiny 0\n", false).get(0));
        assertFalse(outsideRoot.getMessage().contains("root:x"), outsideRoot.getMessage());
        SampleLoadException followed = assertThrows(SampleLoadException.class,
                () -> dataset("evil.tiny 0\n", true).get(0));
        assertFalse(followed.getMessage().contains("root:x"), followed.getMessage());
    }

    @Test
    void linksThatStayInsideTheRootAreFollowed() throws IOException {
        Files.createDirectories(images.resolve("cats"));
        Files.createSymbolicLink(images.resolve("cats/alias.tiny"), Path.of("../inside.tiny"));
        Files.createSymbolicLink(images.resolve("same"), images);
        ImageLabelDataset<Image> dataset = dataset("cats/alias.tiny 0\nsame/inside.tiny 1\n", false);
        assertEquals(10, dataset.get(0).image().pixels().get(0));
        assertEquals(10, dataset.get(1).image().pixels().get(0));
    }

    @Test
    void aRootThatIsItselfALinkStillHoldsItsFiles() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(dir.resolve("images-link"), images);
        LabelIndex index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()),
                Files.writeString(dir.resolve("train.txt"), "inside.tiny 0\n"), linkedRoot);
        Image image = ImageLabelDataset.builder(index, linkedRoot, new TinyImageDecoder()).build().get(0).image();
        assertEquals(10, image.pixels().get(0));
    }

    @Test
    void allowOutsideRootFollowsLinksOut() throws IOException {
        Files.createSymbolicLink(images.resolve("linkdir"), Path.of("../outside"));
        assertEquals(99, dataset("linkdir/secret.tiny 0\n", true).get(0).image().pixels().get(0));
    }

    @Test
    void theFolderFormatRefusesAClassFolderThatLeadsOut() throws IOException {
        Path root = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(root.resolve("cats"));
        Files.write(root.resolve("cats/a.tiny"), TinyImageDecoder.encode(1, 1, 10));
        Files.createSymbolicLink(root.resolve("dogs"), outside);
        Files.move(outside.resolve("secret.tiny"), outside.resolve("secret.jpg"));
        Files.write(root.resolve("cats/a.jpg"), TinyImageDecoder.encode(1, 1, 10));
        LabelIndex index = LabelIndex.read(new FolderLabelFormatProvider().create(Options.empty()), root, root);
        ImageLabelDataset<Image> dataset = ImageLabelDataset.builder(index, root, new TinyImageDecoder()).build();
        assertEquals("cats/a.jpg", index.path(0));
        assertEquals(10, dataset.get(0).image().pixels().get(0));
        assertEquals("dogs/secret.jpg", index.path(1));
        SampleLoadException refused = assertThrows(SampleLoadException.class, () -> dataset.get(1));
        assertEquals("sample 1 (" + root.resolve("dogs/secret.jpg") + "): " + LEAVES + root
                + "; set dataset.allow_outside_root: true to follow links out of it", refused.getMessage());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoNamedLikeAnImageIsASampleErrorNotAHang() throws Exception {
        SpecialFiles.fifo(images.resolve("fifo.tiny"));
        SampleLoadException refused = assertThrows(SampleLoadException.class, () -> dataset("fifo.tiny 0\n", false).get(0));
        assertEquals("sample 0 (" + images.resolve("fifo.tiny") + ", " + dir.resolve("train.txt") + ":1): is a FIFO, not a regular file", refused.getMessage());
    }

    @Test
    void anImageThatIsDevZeroIsASampleErrorNotAnEndlessRead() throws IOException {
        Path zero = SpecialFiles.device(SpecialFiles.ZERO);
        SampleLoadException refused = assertThrows(SampleLoadException.class,
                () -> dataset(zero + " 0\n", true).get(0));
        assertEquals("sample 0 (/dev/zero, " + dir.resolve("train.txt") + ":1): is a character device, not a regular file", refused.getMessage());
    }

    @Test
    void aTenMegabytePathGivesAShortMessage() throws IOException {
        // Issue 15, item 16: a 10 MB path gave a 20 MB message; a label line holds up to 1 MB, so 900 KB here.
        String path = "d/".repeat(450_000) + "x.tiny";
        SampleLoadException refused = assertThrows(SampleLoadException.class, () -> dataset(path + " 0\n", false).get(0));
        assertTrue(refused.getMessage().length() < 1000, () -> refused.getMessage().length() + " characters");
    }

    private ImageLabelDataset<Image> dataset(String lines, boolean allowOutside) throws IOException {
        Path labels = Files.writeString(dir.resolve("train.txt"), lines);
        LabelFormat txt = new TxtLabelFormatProvider().create(Options.empty());
        LabelIndex index = allowOutside ? LabelIndex.readAllowingOutsideRoot(txt, labels, images)
                : LabelIndex.read(txt, labels, images);
        return ImageLabelDataset.builder(index, images, new TinyImageDecoder()).allowOutsideRoot(allowOutside).build();
    }
}
