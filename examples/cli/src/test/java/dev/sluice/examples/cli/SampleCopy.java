package dev.sluice.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of the sample dataset in a test's folder, to change without touching the source tree. */
final class SampleCopy {
    private SampleCopy() {
    }

    /** Copies {@code examples/sample-data} (configuration, labels, images) into {@code dir}; returns its sluice.yaml. */
    static Path into(Path dir) throws IOException {
        Path source = Cli.sampleData();
        Files.createDirectories(dir.resolve("images"));
        for (String name : new String[] {"sluice.yaml", "train.txt"}) {
            Files.copy(source.resolve(name), dir.resolve(name));
        }
        try (var images = Files.list(source.resolve("images"))) {
            for (Path image : (Iterable<Path>) images::iterator) {
                Files.copy(image, dir.resolve("images").resolve(image.getFileName()));
            }
        }
        return dir.resolve("sluice.yaml");
    }

    /** Replaces {@code from} by {@code to} in {@code file}, which must contain it. */
    static Path edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain '" + from + "'");
        }
        return Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** The 1-based line of {@code file} that contains {@code text}. */
    static int lineOf(Path file, String text) throws IOException {
        int line = 1;
        for (String candidate : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (candidate.contains(text)) {
                return line;
            }
            line++;
        }
        throw new IllegalArgumentException(file + " has no line containing '" + text + "'");
    }
}
