package dev.sluice.examples.cli;

import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code sluice dump CONFIG --out DIR [--batches N] [--epoch E]}: writes each batch as NumPy files,
 * {@code batch-00000-images.npy}, {@code -labels.npy} (int64 N for one label each, N x K for K) and {@code -indices.npy}
 * (int64 N, the dataset indices).
 */
final class DumpCommand implements Command {

    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String synopsis() {
        return "dump CONFIG --out DIR [--batches N] [--epoch E]";
    }

    @Override
    public String summary() {
        return "write each batch as NumPy .npy files: images, labels (int64 N, or N x K for K each), indices (int64 N)";
    }

    @Override
    public Set<String> options() {
        return Set.of("out", "batches", "epoch", "set");
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        Path file = invocation.onlyPath(name(), "CONFIG");
        Arguments arguments = invocation.arguments();
        if (!arguments.has("out")) {
            throw new UsageException("sluice dump needs --out DIR, the folder to write the .npy files to");
        }
        Path folder = Invocation.outputFolder(arguments.option("out"), "--out");
        long limit = arguments.number("batches", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        long epoch = arguments.number("epoch", 0, 0, Long.MAX_VALUE);
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = invocation.loader(invocation.config(file))) {
            if (Invocation.isEndless(loader) && !arguments.has("batches")) {
                throw new UsageException("sluice dump: " + file + " describes an endless dataset (dataset.repeat: "
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
                    invocation.out().println(stem + ": images " + Shapes.describe(batch.images()) + ", labels "
                            + Shapes.describe(batch.labels()) + ", indices " + Shapes.list(indices));
                    loader.release(batch);
                    written++;
                }
            }
            invocation.out().println("wrote " + written + " batches of epoch " + epoch + " to " + folder);
        }
        return Main.OK;
    }
}
