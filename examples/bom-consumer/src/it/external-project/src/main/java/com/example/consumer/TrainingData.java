package com.example.consumer;

import dev.sluice.api.Tensor;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.wiring.Sluice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data side of a training loop, as a project that depends on Sluice through its BOM writes it: a
 * configuration file names the labels, the decoder and the transforms; the loader hands out batches.
 */
public final class TrainingData {
    private TrainingData() {
    }

    /** Runs {@code epochs} epochs of the loader {@code config} describes and returns its batches in order. */
    public static List<LabeledBatch> batches(Path config, int epochs) {
        List<LabeledBatch> batches = new ArrayList<>();
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(config)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (LabeledBatch batch : loader) {
                    batches.add(batch);
                }
            }
        }
        return batches;
    }

    /**
     * Prints the shape of each batch of two epochs.
     *
     * @param args the configuration file
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TrainingData CONFIG.yaml");
            System.exit(2);
        }
        for (LabeledBatch batch : batches(Path.of(args[0]), 2)) {
            Tensor inputs = batch.images();
            System.out.println(java.util.Arrays.toString(inputs.shape()) + " " + inputs.dtype());
        }
    }
}
