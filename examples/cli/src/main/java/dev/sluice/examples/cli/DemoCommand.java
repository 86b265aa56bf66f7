package dev.sluice.examples.cli;

import dev.sluice.api.Dataset;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sluice demo [--out FILE.png]}: the seed recipe's walkthrough on the sample dataset in the
 * jar. It iterates two epochs at batch size 7, printing each batch's image shape and labels; then
 * the endless dataset ({@code repeat: forever}) with the recipe's step limit computed exactly,
 * {@code ceil(n / batch) * epochs} in integers; then writes a contact sheet of the first batch
 * where the recipe opened a window, and prints its path.
 */
@Command(name = "demo", description = "The seed walkthrough on the sample photographs: epochs, endless mode, a "
        + "contact sheet.")
final class DemoCommand implements Subcommand {
    static final int BATCH_SIZE = 7;
    static final int EPOCHS = 2;

    @ParentCommand
    private SluiceCommand sluice;

    @Mixin
    private HelpOption help;

    @Mixin
    private ConfigOverrides overrides;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.png", description = "Where to write the contact sheet of the "
            + "first batch (default: first-batch.png in a new temporary folder).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("sluice-demo-");
        Path sheet = out != null ? out : work.resolve("first-batch.png");
        BatchSheets.formatOf(sheet);
        Path data = work.resolve("sample-data");
        try {
            walkthrough(sluice.invocation(), SampleData.copyTo(data), sheet);
        } finally {
            delete(data);
            if (!sheet.startsWith(work)) {
                Files.deleteIfExists(work);
            }
        }
        return Main.OK;
    }

    private void walkthrough(Invocation invocation, Path config, Path sheet) throws Exception {
        PrintStream out = invocation.out();
        out.println("The seed walkthrough on the sample dataset (ten photographs with two labels each, from "
                + "examples/sample-data)");
        String batchSeven = "loader.batch_size=" + BATCH_SIZE;
        LabeledBatch first = null;
        long size;
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = invocation.loader(overrides.load(config,
                List.of(batchSeven, "dataset.repeat=1")))) {
            size = ((Dataset<?>) loader.dataset()).size();
            out.println();
            out.println("1. " + EPOCHS + " epochs of " + size + " samples in batches of " + BATCH_SIZE);
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                try (BatchIterator<LabeledBatch> iterator = loader.iterator()) {
                    for (int b = 0; iterator.hasNext(); b++) {
                        LabeledBatch batch = iterator.next();
                        out.println("epoch " + epoch + " batch " + b + ": " + describe(batch));
                        if (first == null) {
                            first = batch;
                        }
                    }
                }
            }
        }
        // The recipe's max_iterate = int((n + batch - 1) / batch * epochs) divides in floating point; this does not.
        long steps = (size + BATCH_SIZE - 1) / BATCH_SIZE * EPOCHS;
        out.println();
        out.println("2. Endless (dataset.repeat: forever), stopped after ceil(" + size + " / " + BATCH_SIZE + ") * "
                + EPOCHS + " = " + steps + " steps");
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = invocation.loader(overrides.load(config,
                List.of(batchSeven, "dataset.repeat=forever")));
                BatchIterator<LabeledBatch> iterator = loader.iterator()) {
            for (long step = 0; step < steps; step++) {
                out.println("step " + step + ": " + describe(iterator.next()));
            }
        }
        BatchSheets.write(invocation, first, List.of(), sheet);
        out.println();
        out.println("3. The first batch as a contact sheet (where the recipe opened a window): "
                + sheet.toAbsolutePath());
    }

    private static String describe(LabeledBatch batch) {
        return "images " + Shapes.describe(batch.images()) + ", labels " + Shapes.rows(batch.labels());
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
