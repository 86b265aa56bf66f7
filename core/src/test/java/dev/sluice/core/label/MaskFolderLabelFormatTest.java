package dev.sluice.core.label;

import dev.sluice.api.contract.LabelFormatContract;
import dev.sluice.api.target.EntryTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class MaskFolderLabelFormatTest extends LabelFormatContract {

    @Override
    protected String providerId() {
        return "mask_folder";
    }

    @Override
    protected List<Entry> sampleEntries() {
        return List.of(Entry.of("birds/a.jpg"), Entry.of("birds/\u00e9t\u00e9.jpg"), Entry.of("cats/1.jpg"),
                Entry.of("dogs/2.jpg"), Entry.of("dogs/puppies/3.jpg"));
    }

    @Override
    protected List<EntryTargets> sampleTargets() {
        List<EntryTargets> targets = new ArrayList<>();
        for (Entry entry : sampleEntries()) {
            String stem = entry.path().substring(0, entry.path().length() - 4);
            targets.add(EntryTargets.maskFile(dir.resolve("masks").resolve(stem + ".png").toAbsolutePath().normalize()
                    .toString()));
        }
        return targets;
    }

    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        List<Long> lines = new ArrayList<>();
        for (Entry entry : entries) {
            Path mask = dir.resolve("masks").resolve(entry.path().substring(0, entry.path().length() - 4) + ".png");
            Files.createDirectories(mask.getParent());
            Files.write(mask, new byte[] {1});
            lines.add(0L);
        }
        Files.writeString(dir.resolve("masks/readme.txt"), "not a mask");
        return new WrittenSource(dir.resolve("masks"), lines);
    }

    /** Links that would lead the reader out of the mask folder are reported, not followed. */
    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path masks = Files.createDirectories(dir.resolve("bad"));
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(outside.resolve("secret.png"), new byte[] {1});
        Files.write(masks.resolve("a.png"), new byte[] {1});
        Files.createSymbolicLink(masks.resolve("b.png"), outside.resolve("secret.png"));
        Files.createSymbolicLink(masks.resolve("c"), outside);
        Files.createSymbolicLink(masks.resolve("d.png"), masks.resolve("a.png"));
        return new InvalidSource(masks, List.of(0L, 0L), List.of(Entry.of("a.jpg"), Entry.of("d.jpg")));
    }
}
