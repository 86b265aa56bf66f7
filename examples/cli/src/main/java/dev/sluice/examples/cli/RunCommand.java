package dev.sluice.examples.cli;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.EpochReport;
import dev.sluice.core.loader.SkippedSample;
import java.nio.file.Path;
import java.util.Set;

/** {@code sluice run CONFIG [--epochs N] [--steps N]}: iterates a configured loader with a progress bar. */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "run CONFIG [--epochs N] [--steps N]";
    }

    @Override
    public String summary() {
        return "iterate the loader CONFIG describes, with a progress bar and a summary per epoch";
    }

    @Override
    public Set<String> options() {
        return Set.of("epochs", "steps", "set");
    }

    @Override
    public int run(Invocation invocation) {
        Path file = invocation.onlyPath(name(), "CONFIG");
        Arguments arguments = invocation.arguments();
        long epochs = arguments.number("epochs", 1, 1, Long.MAX_VALUE);
        long steps = arguments.number("steps", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = invocation.loader(invocation.config(file))) {
            boolean endless = Invocation.isEndless(loader);
            if (endless && !arguments.has("steps")) {
                throw new UsageException("sluice run: " + file + " describes an endless dataset (dataset.repeat: "
                        + "forever); give --steps N");
            }
            if (endless && arguments.has("epochs")) {
                throw new UsageException("sluice run: an endless dataset has no epochs; give --steps N alone");
            }
            long done = 0;
            for (long epoch = 0; epoch < epochs && done < steps; epoch++) {
                long perEpoch = endless ? -1 : Invocation.batchesPerEpoch(loader);
                long planned = endless ? steps : perEpoch < 0 ? steps - done : Math.min(perEpoch, steps - done);
                done += epoch(invocation, loader, endless ? "steps" : "epoch " + epoch, planned,
                        !endless && perEpoch < 0 && planned == steps - done ? -1 : planned);
            }
        }
        return Main.OK;
    }

    /**
     * Runs one iteration of at most {@code planned} batches; prints its summary; returns the batches
     * delivered. {@code expected} is what the progress shows as the total: -1 for a stream of unknown length.
     */
    private static long epoch(Invocation invocation, DataLoader<LabeledSample<Object>, LabeledBatch> loader, String label,
            long planned, long expected) {
        Progress progress = new Progress(invocation.err(), invocation.interactive(), label, expected);
        long start = System.nanoTime();
        long batches = 0;
        long samples = 0;
        EpochReport report;
        try (BatchIterator<LabeledBatch> iterator = loader.iterator()) {
            while (batches < planned && iterator.hasNext()) {
                LabeledBatch batch = iterator.next();
                batches++;
                samples += batch.size();
                loader.release(batch);
                progress.update(batches, samples);
            }
            report = iterator.report();
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        invocation.out().printf("%s: %d batches, %d samples, %d skipped, %.1f images/s%n", label, report.batches(),
                report.samples(), report.skipped(), seconds > 0 ? report.samples() / seconds : 0.0);
        for (SkippedSample skipped : report.firstSkipped()) {
            invocation.err().println("skipped " + skipped);
        }
        if (report.skipped() > report.firstSkipped().size()) {
            invocation.err().println("... and " + (report.skipped() - report.firstSkipped().size()) + " more skipped");
        }
        return batches;
    }
}
