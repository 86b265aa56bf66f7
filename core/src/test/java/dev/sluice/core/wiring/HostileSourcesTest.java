package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Options;
import dev.sluice.api.contract.SpecialFiles;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.label.CsvLabelFormatProvider;
import dev.sluice.core.label.JsonLabelFormatProvider;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.loader.DataLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, items 1, 11, 12 and 16, built from the cases: label files and configurations that are
 * FIFOs, devices or folders, and a configured dataset whose root holds a link out of it.
 */
class HostileSourcesTest {
    private static final List<LabelFormatProvider> FILE_FORMATS = List.of(new TxtLabelFormatProvider(),
            new CsvLabelFormatProvider(), new JsonLabelFormatProvider());

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLabelFileThatIsAFifoIsRefusedInsteadOfHanging() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("train.txt"));
        for (LabelFormatProvider format : FILE_FORMATS) {
            FileSystemException refused = assertThrows(FileSystemException.class, () -> LabelIndex.read(
                    format.create(Options.empty()), fifo, dir), format::id);
            assertEquals(fifo + ": is a FIFO, not a regular file", refused.getMessage(), format.id());
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLabelFileThatIsDevZeroIsRefusedInsteadOfReadForEver() {
        Path zero = SpecialFiles.device(SpecialFiles.ZERO);
        for (LabelFormatProvider format : FILE_FORMATS) {
            FileSystemException refused = assertThrows(FileSystemException.class, () -> LabelIndex.read(
                    format.create(Options.empty()), zero, dir), format::id);
            assertEquals("/dev/zero: is a character device, not a regular file", refused.getMessage(), format.id());
        }
    }

    @Test
    void labelsThatNameAFolderSayWhichOne() throws IOException {
        // "sluice: Is a directory": the labels path was a folder, and the message did not say which.
        Path file = TinyProject.write(dir, TinyProject.CONFIG);
        Files.delete(dir.resolve("train.txt"));
        Files.createDirectory(dir.resolve("train.txt"));
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> Sluice.fromConfig(file));
        assertEquals(dir.resolve("train.txt") + ": is a directory, not a regular file", refused.getMessage());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aConfigurationThatIsAFifoIsRefusedInsteadOfHanging() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("sluice.yaml"));
        ConfigException refused = assertThrows(ConfigException.class, () -> SluiceConfig.load(fifo, List.of()));
        assertEquals(fifo + ": is a FIFO, not a regular file", refused.getMessage());
    }

    @Test
    void aConfiguredDatasetRefusesALinkOutOfItsRootUnlessAllowed() throws IOException {
        Path file = TinyProject.write(dir, TinyProject.CONFIG);
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.copy(dir.resolve("images/9.tiny"), outside.resolve("secret.tiny"));
        Files.createSymbolicLink(dir.resolve("images/linkdir"), Path.of("../outside"));
        Files.writeString(dir.resolve("train.txt"), "linkdir/secret.tiny 0 1\n");
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(file)) {
            SampleLoadException refused = assertThrows(SampleLoadException.class, () -> loader.iterator().next());
            assertTrue(refused.getMessage().endsWith("a symbolic link leads outside the image root " + dir.resolve("images")
                    + "; set dataset.allow_outside_root: true to follow links out of it"), refused.getMessage());
        }
        Files.writeString(file, TinyProject.CONFIG.replace("  repeat: 1", "  repeat: 1\n  allow_outside_root: true"));
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(file)) {
            assertEquals(1, loader.iterator().next().size());
        }
    }
}
