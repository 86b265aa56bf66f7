package dev.sluice.examples.cli;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice soak CONFIG [--epochs N] [--warmup N]}: runs the configured pipeline for many
 * epochs and prints, after each, the heap in use after a full collection, the resident set
 * ({@code VmRSS}) and the live threads, then how each moved between the end of the warm-up and the
 * last epoch. A leak shows as a steady climb; a flat line after the warm-up is the goal. One backend
 * per process, so that each one's resident memory is its own: {@code --set decoder.backend=opencv}.
 */
@Command(name = "soak", description = "Run many epochs, printing heap after GC, resident memory (VmRSS) and live "
        + "threads per epoch, then how each moved after the warm-up.")
final class SoakCommand extends ConfiguredCommand {

    @Option(names = {"-e", "--epochs"}, paramLabel = "N", defaultValue = "10",
            description = "Epochs to run (default: ${DEFAULT-VALUE}).")
    private long epochs;

    @Option(names = "--warmup", paramLabel = "N",
            description = "The epoch the changes are measured from (default: 2, or epochs - 1 when fewer).")
    private Long warmupEpochs;

    @Override
    public Integer call() throws IOException {
        Invocation invocation = invocation();
        OptionBounds.atLeast("--epochs", epochs, 1);
        long warmup = warmupEpochs == null ? Math.min(2, epochs - 1)
                : OptionBounds.within("--warmup", warmupEpochs, 0, epochs - 1);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] heapMb = new double[(int) Math.min(epochs, Integer.MAX_VALUE)];
        double[] rssMb = new double[heapMb.length];
        int[] liveThreads = new int[heapMb.length];
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader()) {
            if (Invocation.isEndless(loader)) {
                throw new UsageException("sluice soak runs whole epochs, and " + configPath() + " describes an endless "
                        + "dataset; add --set dataset.repeat=1");
            }
            long batches = Invocation.batchesPerEpoch(loader);
            invocation.out().println("soak " + configPath() + ": " + epochs + " epochs of " + (batches < 0 ? "a stream's"
                    : Long.toString(batches)) + " batches, " + loader);
            for (int epoch = 0; epoch < heapMb.length; epoch++) {
                long start = System.nanoTime();
                long images = 0;
                try (BatchIterator<LabeledBatch> iterator = loader.iterator()) {
                    while (iterator.hasNext()) {
                        LabeledBatch batch = iterator.next();
                        images += batch.size();
                        loader.release(batch);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                // A full collection first, so that the heap figure is what is still reachable, not garbage.
                memory.gc();
                heapMb[epoch] = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
                OptionalDouble rss = Memory.rssMb();
                rssMb[epoch] = rss.orElse(Double.NaN);
                liveThreads[epoch] = threads.getThreadCount();
                invocation.out().printf(Locale.ROOT, "epoch %d: %d images, %.0f images/s, heap %.1f MiB, RSS %.1f MiB, "
                        + "%d threads%n", epoch, images, seconds > 0 ? images / seconds : 0.0, heapMb[epoch],
                        rssMb[epoch], liveThreads[epoch]);
            }
        }
        int first = (int) warmup;
        int last = heapMb.length - 1;
        invocation.out().printf(Locale.ROOT, "after warm-up (epoch %d to %d): heap %+.1f MiB, RSS %+.1f MiB, threads %+d%n",
                first, last, heapMb[last] - heapMb[first], rssMb[last] - rssMb[first],
                liveThreads[last] - liveThreads[first]);
        return Main.OK;
    }
}
