package dev.sluice.examples.training;

import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.vision.LabeledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository's sample photographs ({@code examples/sample-data}) laid out as an image folder:
 * copied into one sub-folder per subject, the first label of {@code train.txt}, named as the sample
 * data's README names the subjects.
 */
final class SampleFolders {
    /** The subjects by label value, from {@code examples/sample-data/README.md}. */
    static final List<String> SUBJECTS = List.of("flower", "leaf-or-grass", "water", "sky-or-landscape", "insect");

    private SampleFolders() {
    }

    /**
     * Copies each image of {@code sampleData/images} into {@code target/<subject>/}.
     *
     * @return {@code target}
     * @throws IOException if {@code train.txt} or an image cannot be read, or a copy cannot be written
     */
    static Path bySubject(Path sampleData, Path target) throws IOException {
        Path images = sampleData.resolve("images");
        LabelIndex index = LabeledImages.fromTxt(sampleData.resolve("train.txt"), images).labelIndex();
        for (long i = 0; i < index.size(); i++) {
            Path folder = Files.createDirectories(target.resolve(SUBJECTS.get((int) index.label(i, 0))));
            Files.copy(images.resolve(index.path(i)), folder.resolve(Path.of(index.path(i)).getFileName()));
        }
        return target;
    }
}
