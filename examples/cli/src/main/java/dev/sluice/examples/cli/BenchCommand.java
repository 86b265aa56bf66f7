package dev.sluice.examples.cli;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.core.wiring.SluiceConfig;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice bench CONFIG [--epochs N] [--warmup N] [--decode-only] [--cpu] [--json]}: images/s and batches/s
 * over the measured epochs, the time to the first batch (from the loader's creation, when the label
 * file is read and the decoder is ready, to the first batch in hand; and from the start of the
 * command), peak heap and peak resident memory. With {@code --decode-only} the loader only reads and
 * decodes ({@link Sluice#decodeOnly}): the same decoder's rate on the same threads, which the full
 * pipeline's rate is compared with.
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

    @Option(names = "--decode-only", description = "Measure the decoder alone on the loader's threads: the same files, "
            + "order, workers and decode options, without the transforms and without assembling batches "
            + "(default: ${DEFAULT-VALUE}).")
    private boolean decodeOnly;

    @Option(names = "--cpu", description = "Also report the CPU time per image over the measured epochs by kind of "
            + "thread: the loader's workers, the consumer (the thread that takes the batches), garbage collection, "
            + "the JIT compilers, other JVM threads and threads that ended; and the CPU time behind the first batch, by kind "
            + "of thread from the loader's creation and in all from the JVM's start; Linux only (default: ${DEFAULT-VALUE}).")
    private boolean cpu;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Invocation invocation = invocation();
        OptionBounds.atLeast("--epochs", epochs, 1);
        OptionBounds.atLeast("--warmup", warmup, 0);
        SluiceConfig config = loadConfig();
        Result result;
        if (decodeOnly) {
            try (DataLoader<LabeledSample<Object>, Integer> loader = Sluice.decodeOnly(config, invocation.plugins())) {
                result = measure(invocation, loader, Integer::intValue, start);
            }
        } else {
            try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = invocation.loader(config)) {
                result = measure(invocation, loader, LabeledBatch::size, start);
            }
        }
        invocation.out().print(json ? result.json() : result.text());
        return Main.OK;
    }

    /** Runs the warm-up and measured epochs of {@code loader}, whose batches hold {@code size} images each. */
    private <B> Result measure(Invocation invocation, DataLoader<?, B> loader, ToIntFunction<B> size, long start)
            throws IOException {
        Optional<ThreadCpu> cpuAtCreation = cpu ? ThreadCpu.now() : Optional.empty();
        long created = System.nanoTime();
        if (Invocation.isEndless(loader)) {
            throw new UsageException("sluice bench runs whole epochs, and " + configPath() + " describes an endless "
                    + "dataset; add --set dataset.repeat=1");
        }
        Memory memory = new Memory();
        double firstBatchSeconds = -1;
        double firstBatchFromStartSeconds = -1;
        long batches = 0;
        long images = 0;
        long measuredStart = 0;
        Optional<ThreadCpu> cpuBefore = Optional.empty();
        Optional<ThreadCpu> cpuAtFirstBatch = Optional.empty();
        for (long epoch = 0; epoch < warmup + epochs; epoch++) {
            if (epoch == warmup) {
                measuredStart = System.nanoTime();
                cpuBefore = cpu ? ThreadCpu.now() : Optional.empty();
            }
            Progress progress = new Progress(invocation.err(), invocation.interactive(),
                    (epoch < warmup ? "warm-up " : "epoch ") + epoch, Invocation.batchesPerEpoch(loader));
            long epochBatches = 0;
            long epochImages = 0;
            try (BatchIterator<B> iterator = loader.iterator()) {
                while (iterator.hasNext()) {
                    B batch = iterator.next();
                    if (firstBatchSeconds < 0) {
                        long now = System.nanoTime();
                        firstBatchSeconds = (now - created) / 1e9;
                        firstBatchFromStartSeconds = (now - start) / 1e9;
                        cpuAtFirstBatch = cpu ? ThreadCpu.now() : Optional.empty();
                    }
                    epochBatches++;
                    epochImages += size.applyAsInt(batch);
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
        double seconds = (System.nanoTime() - measuredStart) / 1e9;
        Optional<Map<ThreadCpu.Kind, Double>> cpuSeconds = cpuBefore.flatMap(before -> ThreadCpu.now().map(after ->
                after.since(before)));
        Optional<ThreadCpu> atFirstBatch = cpuAtFirstBatch;
        Optional<FirstBatchCpu> firstBatchCpu = cpuAtCreation.flatMap(before -> atFirstBatch.map(after ->
                new FirstBatchCpu(after.since(before), after.processSeconds())));
        memory.sample();
        return new Result(configPath().toString(), decodeOnly ? "decode-only" : "loader", epochs, warmup, batches, images,
                seconds, firstBatchSeconds, firstBatchFromStartSeconds, memory.peakHeapMb(), Memory.peakRssMb(),
                cpuSeconds, firstBatchCpu);
    }

    /**
     * The CPU time behind the first batch: {@code sinceCreation}, each kind of thread's seconds from the
     * loader's creation to the first batch in hand; {@code sinceStart}, the whole process's seconds from
     * the JVM's start to then (start-up, discovery, the warm-up, the label file and the first batch).
     */
    record FirstBatchCpu(Map<ThreadCpu.Kind, Double> sinceCreation, double sinceStart) {

        /** {@code , "first_batch_cpu_ms": {...}, "cpu_ms_to_first_batch": N}} for the JSON object. */
        String json() {
            return ", \"first_batch_cpu_ms\": " + ThreadCpu.jsonPerImage(sinceCreation, 1)
                    + String.format(Locale.ROOT, ", \"cpu_ms_to_first_batch\": %.0f", 1000 * sinceStart);
        }
    }

    /**
     * What a benchmark measured; seconds and megabytes (MiB). {@code mode} is {@code loader} for the
     * configured loader and {@code decode-only} for {@code --decode-only}; {@code firstBatchSeconds}
     * runs from the loader's creation, {@code firstBatchFromStartSeconds} from the start of the command.
     */
    record Result(String config, String mode, long epochs, long warmup, long batches, long images, double seconds,
            double firstBatchSeconds, double firstBatchFromStartSeconds, double peakHeapMb, OptionalDouble peakRssMb,
            Optional<Map<ThreadCpu.Kind, Double>> cpuSeconds, Optional<FirstBatchCpu> firstBatchCpu) {

        double imagesPerSecond() {
            return seconds > 0 ? images / seconds : 0;
        }

        double batchesPerSecond() {
            return seconds > 0 ? batches / seconds : 0;
        }

        /**
         * One JSON object on one line; {@code peak_rss_mb} is null where the system does not tell;
         * {@code cpu_ms_per_image}, {@code first_batch_cpu_ms} and {@code cpu_ms_to_first_batch} only with
         * {@code --cpu}.
         */
        String json() {
            return String.format(Locale.ROOT, "{\"config\": %s, \"mode\": \"%s\", \"epochs\": %d, \"warmup\": %d, \"batches\": %d, "
                    + "\"images\": %d, \"seconds\": %.6f, \"images_per_s\": %.3f, \"batches_per_s\": %.3f, "
                    + "\"first_batch_s\": %.6f, \"first_batch_from_start_s\": %.6f, \"peak_heap_mb\": %.1f, "
                    + "\"peak_rss_mb\": %s%s%s}%n", quote(config), mode, epochs,
                    warmup, batches, images, seconds, imagesPerSecond(), batchesPerSecond(), firstBatchSeconds,
                    firstBatchFromStartSeconds, peakHeapMb, peakRssMb.isPresent() ? String.format(Locale.ROOT, "%.1f", peakRssMb.getAsDouble())
                            : "null", cpuSeconds.map(cpu -> ", \"cpu_ms_per_image\": " + ThreadCpu.jsonPerImage(cpu, images))
                            .orElse(""), firstBatchCpu.map(FirstBatchCpu::json).orElse(""));
        }

        String text() {
            return String.format(Locale.ROOT, "bench %s%s: %d epochs (after %d warm-up), %d batches, %d images%n"
                    + "  images/s      %.1f%n  batches/s     %.2f%n  first batch   %.3f s after the loader's creation "
                    + "(%.3f s after the command's start)%n  peak heap     %.1f MB%n"
                    + "  peak RSS      %s%n", config, mode.equals("loader") ? "" : ", " + mode, epochs, warmup, batches, images, imagesPerSecond(),
                    batchesPerSecond(), firstBatchSeconds, firstBatchFromStartSeconds, peakHeapMb, peakRssMb.isPresent()
                            ? String.format(Locale.ROOT, "%.1f MB", peakRssMb.getAsDouble())
                            : "unknown (no /proc/self/status)") + cpuSeconds.map(cpu -> "  CPU ms/image  "
                            + ThreadCpu.jsonPerImage(cpu, images) + System.lineSeparator()).orElse("")
                    + firstBatchCpu.map(first -> "  first batch   CPU ms " + ThreadCpu.jsonPerImage(first.sinceCreation(), 1)
                            + String.format(Locale.ROOT, " after the loader's creation, %.0f in all from the JVM's start",
                                    1000 * first.sinceStart()) + System.lineSeparator()).orElse("");
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
