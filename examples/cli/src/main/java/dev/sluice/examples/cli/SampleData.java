package dev.sluice.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample dataset that travels inside the jar (copied there from {@code examples/sample-data}):
 * ten photographs, {@code train.txt} and {@code sluice.yaml}. Resources in a jar cannot be listed,
 * so the images to copy are the names {@code train.txt} gives.
 */
final class SampleData {
    private static final String ROOT = "sample-data/";

    private SampleData() {
    }

    /**
     * Copies the dataset into {@code folder} and returns the path of its {@code sluice.yaml}.
     *
     * @throws IOException when a file cannot be written
     * @throws UncheckedIOException when the jar lacks a file of the dataset (a broken build)
     */
    static Path copyTo(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("images"));
        for (String name : List.of("sluice.yaml", "train.txt", "README.md", "GPL-2.txt")) {
            copy(name, folder);
        }
        for (String image : imageNames(Files.readString(folder.resolve("train.txt"), StandardCharsets.UTF_8))) {
            copy("images/" + image, folder);
        }
        return folder.resolve("sluice.yaml");
    }

    /** The first field of each line that is neither blank nor a {@code #} comment. */
    static List<String> imageNames(String trainTxt) {
        List<String> names = new ArrayList<>();
        for (String line : trainTxt.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                names.add(trimmed.split("\\s+", 2)[0]);
            }
        }
        return names;
    }

    private static void copy(String name, Path folder) throws IOException {
        try (InputStream in = SampleData.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the sample dataset in the jar lacks " + name
                        + "; rebuild it with mvn package -pl examples/cli -am"));
            }
            Files.copy(in, folder.resolve(name));
        }
    }
}
