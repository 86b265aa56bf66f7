package dev.sluice.core.loader;

import dev.sluice.core.dataset.ErrorPolicy;
import java.util.List;

/**
 * What one iteration of a {@link DataLoader} delivered.
 *
 * @param epoch the epoch number (the first pass, for an endless dataset)
 * @param batches batches delivered to the caller
 * @param samples samples in those batches
 * @param skipped samples left out under {@link ErrorPolicy#SKIP}
 * @param firstSkipped the first {@value #SKIPPED_KEPT} of them
 */
public record EpochReport(long epoch, long batches, long samples, long skipped, List<SkippedSample> firstSkipped) {

    /** How many skipped samples a report keeps by name. */
    public static final int SKIPPED_KEPT = 100;

    /** @throws NullPointerException if {@code firstSkipped} is null */
    public EpochReport {
        firstSkipped = List.copyOf(firstSkipped);
    }

    /** One line for people: {@code "epoch 0: 2 batches, 10 samples, 1 skipped"}. */
    @Override
    public String toString() {
        return "epoch " + epoch + ": " + batches + " batches, " + samples + " samples, " + skipped + " skipped";
    }
}
