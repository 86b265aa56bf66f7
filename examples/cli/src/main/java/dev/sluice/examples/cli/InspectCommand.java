package dev.sluice.examples.cli;

import dev.sluice.api.EncodeException;
import dev.sluice.api.spi.MessageValues;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice inspect CONFIG --out FILE.png [--batch N]}: a contact sheet of one batch of epoch 0, with labels,
 * and for a detection or segmentation dataset its boxes (named by the dataset's class names) and masks drawn over
 * the pictures.
 * The sheet is written whole or not at all (a full disk leaves no empty PNG behind).
 */
@Command(name = "inspect", description = "Write a contact sheet of one batch of epoch 0, each picture captioned "
        + "with its labels, boxes and masks drawn over it.")
final class InspectCommand extends ConfiguredCommand {

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.png", required = true,
            description = "The contact sheet to write (.png or .jpg).")
    private Path sheet;

    @Option(names = {"-b", "--batch"}, paramLabel = "N", defaultValue = "0",
            description = "Which batch of epoch 0 to draw, from 0 (default: ${DEFAULT-VALUE}).")
    private long wanted;

    @Override
    public Integer call() throws EncodeException {
        Invocation invocation = invocation();
        if (Files.isDirectory(sheet)) {
            throw new UsageException("--out " + MessageValues.shorten(sheet.toString()) + " is a folder; give the file "
                    + "to write, such as " + MessageValues.shorten(sheet.resolve("sheet.png").toString()));
        }
        BatchSheets.formatOf(sheet);
        OptionBounds.atLeast("--batch", wanted, 0);
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader();
                BatchIterator<LabeledBatch> iterator = loader.iterator()) {
            long batch = 0;
            while (iterator.hasNext()) {
                LabeledBatch next = iterator.next();
                if (batch == wanted) {
                    List<String> names = loader.dataset() instanceof LabeledDataset<?> labeled ? labeled.classNames()
                            : List.of();
                    BatchSheets.write(invocation, next, names, sheet);
                    invocation.out().println("batch " + wanted + " (" + next.size() + " samples, labels "
                            + Shapes.rows(next.labels()) + ") drawn to " + sheet);
                    return Main.OK;
                }
                loader.release(next);
                batch++;
            }
            throw new UsageException("sluice inspect: --batch " + wanted + " is past the end of epoch 0, which has "
                    + batch + " batches (0 to " + (batch - 1) + ")");
        }
    }
}
