package dev.sluice.examples.cli;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import java.io.IOException;
import java.util.Locale;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice bench CONFIG [--epochs N] [--warmup N] [--json]}: images/s and batches/s over the
 * measured epochs, the time to the first batch (from the loader's creation, when the label file is
 * read and the decoder is ready, to the first batch in hand; and from the start of the command),
 * peak heap and peak resident memory.
 */
@Command(name = "bench", description = "Measure images/s, batches/s, time to first batch, peak heap and peak "
        + "resident memory.")
final class BenchCommand extends ConfiguredCommand {

    @Option(names = {"-e", "--epochs"}, paramLabel = "N", defaultValue = "1",
            description = "Epochs to measure (default: ${DEFAULT-VALUE}).")
    private long epochs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "Epochs to run first, unmeasured (default: ${DEFAULT-VALUE}).")
    private long warmup;

    @Option(names = "--json", description = "Print one JSON object with images_per_s, first_batch_s, peak_rss_mb, ... "
            + "(default: ${DEFAULT-VALUE}).")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Invocation invocation = invocation();
        OptionBounds.atLeast("--epochs", epochs, 1);
        OptionBounds.atLeast("--warmup", warmup, 0);
        Memory memory = new Memory();
        double firstBatchSeconds = -1;
        double firstBatchFromStartSeconds = -1;
        long batches = 0;
        long images = 0;
        long measuredStart = 0;
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader()) {
            long created = System.nanoTime();
            if (Invocation.isEndless(loader)) {
                throw new UsageException("sluice bench runs whole epochs, and " + configPath() + " describes an endless "
                        + "dataset; add --set dataset.repeat=1");
            }
            for (long epoch = 0; epoch < warmup + epochs; epoch++) {
                if (epoch == warmup) {
                    measuredStart = System.nanoTime();
                }
                Progress progress = new Progress(invocation.err(), invocation.interactive(),
                        (epoch < warmup ? "warm-up " : "epoch ") + epoch, Invocation.batchesPerEpoch(loader));
                long epochBatches = 0;
                long epochImages = 0;
                try (BatchIterator<LabeledBatch> iterator = loader.iterator()) {
                    while (iterator.hasNext()) {
                        LabeledBatch batch = iterator.next();
                        if (firstBatchSeconds < 0) {
                            long now = System.nanoTime();
                            firstBatchSeconds = (now - created) / 1e9;
                            firstBatchFromStartSeconds = (now - start) / 1e9;
                        }
                        epochBatches++;
                        epochImages += batch.size();
                        memory.sample();
                        loader.release(batch);
                        progress.update(epochBatches, epochImages);
                    }
                } finally {
                    progress.finish();
                }
                if (epoch >= warmup) {
                    batches += epochBatches;
                    images += epochImages;
                }
            }
        }
        double seconds = (System.nanoTime() - measuredStart) / 1e9;
        memory.sample();
        Result result = new Result(configPath().toString(), epochs, warmup, batches, images, seconds,
                firstBatchSeconds, firstBatchFromStartSeconds, memory.peakHeapMb(), Memory.peakRssMb());
        invocation.out().print(json ? result.json() : result.text());
        return Main.OK;
    }

    /**
     * What a benchmark measured; seconds and megabytes (MiB). {@code firstBatchSeconds} runs from the
     * loader's creation, {@code firstBatchFromStartSeconds} from the start of the command.
     */
    record Result(String config, long epochs, long warmup, long batches, long images, double seconds,
            double firstBatchSeconds, double firstBatchFromStartSeconds, double peakHeapMb, OptionalDouble peakRssMb) {

        double imagesPerSecond() {
            return seconds > 0 ? images / seconds : 0;
        }

        double batchesPerSecond() {
            return seconds > 0 ? batches / seconds : 0;
        }

        /** One JSON object on one line; {@code peak_rss_mb} is null where the system does not tell. */
        String json() {
            return String.format(Locale.ROOT, "{\"config\": %s, \"epochs\": %d, \"warmup\": %d, \"batches\": %d, "
                    + "\"images\": %d, \"seconds\": %.6f, \"images_per_s\": %.3f, \"batches_per_s\": %.3f, "
                    + "\"first_batch_s\": %.6f, \"first_batch_from_start_s\": %.6f, \"peak_heap_mb\": %.1f, "
                    + "\"peak_rss_mb\": %s}%n", quote(config), epochs,
                    warmup, batches, images, seconds, imagesPerSecond(), batchesPerSecond(), firstBatchSeconds,
                    firstBatchFromStartSeconds, peakHeapMb, peakRssMb.isPresent() ? String.format(Locale.ROOT, "%.1f", peakRssMb.getAsDouble())
                            : "null");
        }

        String text() {
            return String.format(Locale.ROOT, "bench %s: %d epochs (after %d warm-up), %d batches, %d images%n"
                    + "  images/s      %.1f%n  batches/s     %.2f%n  first batch   %.3f s after the loader's creation "
                    + "(%.3f s after the command's start)%n  peak heap     %.1f MB%n"
                    + "  peak RSS      %s%n", config, epochs, warmup, batches, images, imagesPerSecond(),
                    batchesPerSecond(), firstBatchSeconds, firstBatchFromStartSeconds, peakHeapMb, peakRssMb.isPresent()
                            ? String.format(Locale.ROOT, "%.1f MB", peakRssMb.getAsDouble())
                            : "unknown (no /proc/self/status)");
        }

        private static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
