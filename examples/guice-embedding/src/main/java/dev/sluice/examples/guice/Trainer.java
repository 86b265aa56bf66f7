package dev.sluice.examples.guice;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import jakarta.inject.Inject;
import java.io.PrintStream;

/**
 * The application's own class that needs a loader, and gets it injected: it does not know that the
 * loader comes from a YAML file, nor which decoder or transforms it uses.
 */
public final class Trainer {
    private final DataLoader<LabeledSample<Object>, LabeledBatch> loader;

    /** @param loader the loader the configuration describes, as {@code SluiceModule} binds it */
    @Inject
    public Trainer(DataLoader<LabeledSample<Object>, LabeledBatch> loader) {
        this.loader = loader;
    }

    /**
     * Runs {@code epochs} epochs, printing one line per batch where a real trainer would step its model.
     *
     * @return the number of samples seen
     */
    public long train(int epochs, PrintStream log) {
        long samples = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int step = 0;
            for (LabeledBatch batch : loader) {
                log.println("epoch " + epoch + " step " + step++ + ": " + batch.images() + " labels "
                        + batch.labels());
                samples += batch.size();
            }
        }
        return samples;
    }
}
