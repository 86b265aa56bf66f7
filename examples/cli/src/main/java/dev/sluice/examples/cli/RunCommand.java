package dev.sluice.examples.cli;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.EpochReport;
import dev.sluice.core.loader.LoaderState;
import dev.sluice.core.loader.SkippedSample;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice run CONFIG [--epochs N] [--steps N] [--resume STATE_FILE [--save-every N]] [--indices]}:
 * iterates a configured loader with a progress bar; with {@code --resume}, saves where it is and
 * continues from there when started again.
 */
@Command(name = "run", description = {"Iterate the loader CONFIG describes, with a progress bar on stderr and a "
        + "summary per epoch on stdout.", "With --resume, save the loader state every N batches, at the end and on "
        + "Ctrl-C or SIGTERM, and continue from it when started again."})
final class RunCommand extends ConfiguredCommand {
    /** How many skipped samples the summary of an epoch names. */
    static final int SKIPPED_NAMED = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-e", "--epochs"}, paramLabel = "N", defaultValue = "1",
            description = "Epochs to run (default: ${DEFAULT-VALUE}); not for an endless dataset.")
    private long epochs;

    @Option(names = "--steps", paramLabel = "N",
            description = "Stop after N batches in all (default: no limit); needed for an endless dataset.")
    private Long steps;

    @Option(names = "--resume", paramLabel = "STATE_FILE",
            description = "Continue from STATE_FILE when it exists, and save the loader state to it (default: none).")
    private Path resume;

    @Option(names = "--save-every", paramLabel = "N", defaultValue = "100",
            description = "With --resume, save every N batches (default: ${DEFAULT-VALUE}).")
    private long saveEvery;

    @Option(names = "--indices", description = "Print each batch's dataset indices (default: ${DEFAULT-VALUE}).")
    private boolean indices;

    @Override
    public Integer call() throws IOException {
        Invocation invocation = invocation();
        OptionBounds.atLeast("--epochs", epochs, 1);
        long stepLimit = steps == null ? Long.MAX_VALUE : OptionBounds.atLeast("--steps", steps, 1);
        OptionBounds.atLeast("--save-every", saveEvery, 1);
        boolean epochsGiven = spec.commandLine().getParseResult().hasMatchedOption("--epochs");
        if (spec.commandLine().getParseResult().hasMatchedOption("--save-every") && resume == null) {
            throw new UsageException("sluice run: --save-every needs --resume STATE_FILE, the file to save to");
        }
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader()) {
            boolean endless = Invocation.isEndless(loader);
            if (endless && steps == null) {
                throw new UsageException("sluice run: " + configPath() + " describes an endless dataset (dataset.repeat: "
                        + "forever); give --steps N");
            }
            if (endless && epochsGiven) {
                throw new UsageException("sluice run: an endless dataset has no epochs; give --steps N alone");
            }
            Checkpoints checkpoints = null;
            long resumedDone = 0;
            if (resume != null) {
                StateFile stateFile = new StateFile(resume);
                LoaderState saved = stateFile.read();
                if (saved != null) {
                    restore(loader, saved, stateFile);
                    // Whole batches of this loader's size already done: never more than were, so --steps cannot cut the epoch short.
                    resumedDone = saved.samplesDelivered() / loader.state().plan().batchSize();
                    invocation.err().println("resuming from " + saved);
                }
                checkpoints = new Checkpoints(stateFile, saveEvery, loader.state(), invocation.err());
            }
            try {
                new Loop(invocation, loader, checkpoints, endless, indices).run(epochs, stepLimit, resumedDone);
            } finally {
                if (checkpoints != null) {
                    checkpoints.close();
                }
            }
        }
        return Main.OK;
    }

    private static void restore(DataLoader<?, ?> loader, LoaderState saved, StateFile stateFile) {
        try {
            loader.restore(saved);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--resume " + stateFile.path() + " does not fit this configuration: "
                    + e.getMessage(), e);
        }
    }

    /** The epochs of one run. */
    private record Loop(Invocation invocation, DataLoader<LabeledSample<Object>, LabeledBatch> loader,
            Checkpoints checkpoints, boolean endless, boolean printIndices) {

        void run(long epochs, long steps, long resumedDone) throws IOException {
            long done = 0;
            long alreadyDone = resumedDone;
            while ((endless || loader.epoch() < epochs) && done < steps
                    && (checkpoints == null || !checkpoints.stopping())) {
                // A stream (tar shards) cannot know its batches in advance: its epoch runs to its end.
                long perEpoch = endless ? -1 : Invocation.batchesPerEpoch(loader);
                long planned = endless ? steps : perEpoch < 0 ? steps - done
                        : Math.min(perEpoch - alreadyDone, steps - done);
                done += epoch(endless ? "steps" : "epoch " + loader.epoch(), planned,
                        !endless && perEpoch < 0 ? -1 : planned);
                alreadyDone = 0;
                if (endless) {
                    break;
                }
            }
            if (!endless && loader.epoch() >= epochs && done == 0) {
                invocation.err().println("sluice run: nothing left to do: the run is at epoch " + loader.epoch()
                        + " and --epochs is " + epochs);
            }
        }

        /**
         * Runs one iteration of at most {@code planned} batches; prints its summary; returns the batches
         * done. {@code expected} is the progress's total: -1 for a stream of unknown length.
         */
        private long epoch(String label, long planned, long expected) throws IOException {
            Progress progress = new Progress(invocation.err(), invocation.interactive(), label, expected);
            long start = System.nanoTime();
            long batches = 0;
            long samples = 0;
            boolean ended;
            EpochReport report;
            try (BatchIterator<LabeledBatch> iterator = loader.iterator()) {
                while (batches < planned && iterator.hasNext()) {
                    LabeledBatch batch = iterator.next();
                    if (checkpoints != null && !checkpoints.startBatch()) {
                        break;
                    }
                    boolean worked = false;
                    try {
                        work(batch, iterator.indices());
                        worked = true;
                    } finally {
                        if (checkpoints != null) {
                            checkpoints.finishBatch(worked ? loader.state() : null);
                        }
                    }
                    batches++;
                    samples += batch.size();
                    progress.update(batches, samples);
                }
                ended = !iterator.hasNext();
                report = iterator.report();
            } finally {
                progress.finish();
            }
            if (ended && checkpoints != null && !endless) {
                checkpoints.finishEpoch(loader.state());
            }
            summarise(label, report, (System.nanoTime() - start) / 1e9);
            return batches;
        }

        /** What the run does with a batch: prints its indices when asked, then gives its memory back. */
        private void work(LabeledBatch batch, long[] indices) {
            if (printIndices) {
                invocation.out().println("indices " + Shapes.list(indices));
            }
            loader.release(batch);
        }

        private void summarise(String label, EpochReport report, double seconds) {
            invocation.out().printf("%s: %d batches, %d samples, %d skipped, %.1f images/s%n", label, report.batches(),
                    report.samples(), report.skipped(), seconds > 0 ? report.samples() / seconds : 0.0);
            int named = (int) Math.min(SKIPPED_NAMED, report.firstSkipped().size());
            for (SkippedSample skipped : report.firstSkipped().subList(0, named)) {
                invocation.err().println("skipped " + skipped);
            }
            if (report.skipped() > named) {
                invocation.err().println("... and " + (report.skipped() - named) + " more skipped");
            }
        }
    }
}
