package dev.sluice.examples.cli;

import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice dump CONFIG --out DIR [--batches N] [--epoch E]}: writes each batch as NumPy files,
 * {@code batch-00000-images.npy}, {@code -labels.npy} (int64 N for one label each, N x K for K) and {@code -indices.npy}
 * (int64 N, the dataset indices); for a detection or segmentation dataset also its targets
 * ({@code -boxes.npy} float32 T x 5 rows {@code [index_in_batch, x1, y1, x2, y2]}, {@code -box-labels.npy}
 * int64 T, {@code -masks.npy} uint8 N x H x W, as {@link TargetFiles} lists).
 */
@Command(name = "dump", description = "Write each batch as NumPy .npy files: images, labels (int64 N, or N x K for "
        + "K each), indices (int64 N); with targets also boxes (float32 T x 5: index_in_batch, x1, y1, x2, y2), "
        + "box-labels (int64 T) and masks (uint8 N x H x W).")
final class DumpCommand extends ConfiguredCommand {

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
            description = "The folder to write the .npy files to; made if missing.")
    private Path out;

    @Option(names = "--batches", paramLabel = "N",
            description = "Write the first N batches (default: the whole epoch); needed for an endless dataset.")
    private Long batches;

    @Option(names = "--epoch", paramLabel = "E", defaultValue = "0",
            description = "The epoch whose batches to write, which decides the shuffle (default: ${DEFAULT-VALUE}).")
    private long epoch;

    @Override
    public Integer call() throws IOException {
        Invocation invocation = invocation();
        Path folder = Invocation.outputFolder(out, "--out");
        long limit = batches == null ? Long.MAX_VALUE : OptionBounds.atLeast("--batches", batches, 1);
        OptionBounds.atLeast("--epoch", epoch, 0);
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader()) {
            if (Invocation.isEndless(loader) && batches == null) {
                throw new UsageException("sluice dump: " + configPath() + " describes an endless dataset (dataset.repeat: "
                        + "forever); give --batches N");
            }
            Invocation.createFolder(folder, "--out");
            loader.setEpoch(epoch);
            long written = 0;
            try (BatchIterator<LabeledBatch> iterator = loader.iterator()) {
                while (written < limit && iterator.hasNext()) {
                    LabeledBatch batch = iterator.next();
                    long[] indices = iterator.indices();
                    String stem = String.format("batch-%05d", written);
                    NpyFiles.write(folder.resolve(stem + "-images.npy"), batch.images());
                    NpyFiles.write(folder.resolve(stem + "-labels.npy"), batch.labels());
                    NpyFiles.write(folder.resolve(stem + "-indices.npy"), Tensor.ofLongs(new int[] {indices.length},
                            indices));
                    String targets = batch.targets().isEmpty() ? ""
                            : TargetFiles.write(folder, stem, batch.targets().get());
                    invocation.out().println(stem + ": images " + Shapes.describe(batch.images()) + ", labels "
                            + Shapes.describe(batch.labels()) + targets + ", indices " + Shapes.list(indices));
                    loader.release(batch);
                    written++;
                }
            }
            invocation.out().println("wrote " + written + " batches of epoch " + epoch + " to " + folder);
        }
        return Main.OK;
    }
}
