package dev.sluice.examples.cli;

import dev.sluice.api.EncodeException;
import dev.sluice.api.spi.MessageValues;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code sluice inspect CONFIG --out FILE.png [--batch N]}: a contact sheet of one batch of epoch 0, with labels.
 * The sheet is written whole or not at all (a full disk leaves no empty PNG behind).
 */
final class InspectCommand implements Command {

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String synopsis() {
        return "inspect CONFIG --out FILE.png [--batch N]";
    }

    @Override
    public String summary() {
        return "write a contact sheet of batch N (default 0) of epoch 0, each picture captioned with its labels";
    }

    @Override
    public Set<String> options() {
        return Set.of("out", "batch", "set");
    }

    @Override
    public int run(Invocation invocation) throws EncodeException {
        Path file = invocation.onlyPath(name(), "CONFIG");
        Arguments arguments = invocation.arguments();
        if (!arguments.has("out")) {
            throw new UsageException("sluice inspect needs --out FILE.png, the contact sheet to write");
        }
        Path sheet = Invocation.path(arguments.option("out"), "--out");
        if (Files.isDirectory(sheet)) {
            throw new UsageException("--out " + MessageValues.shorten(sheet.toString()) + " is a folder; give the file "
                    + "to write, such as " + MessageValues.shorten(sheet.resolve("sheet.png").toString()));
        }
        BatchSheets.formatOf(sheet);
        long wanted = arguments.number("batch", 0, 0, Long.MAX_VALUE);
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = invocation.loader(invocation.config(file));
                BatchIterator<LabeledBatch> iterator = loader.iterator()) {
            long batch = 0;
            while (iterator.hasNext()) {
                LabeledBatch next = iterator.next();
                if (batch == wanted) {
                    BatchSheets.write(invocation, next, sheet);
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
