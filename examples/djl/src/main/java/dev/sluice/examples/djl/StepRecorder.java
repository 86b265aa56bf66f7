package dev.sluice.examples.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.Arrays;
import java.util.Map;

/**
 * Records the loss of every training step and the validation accuracy of every epoch, as DJL's
 * training loop reports them. Added after DJL's default listeners, so that at the end of an epoch
 * the evaluator has already computed the epoch's figures.
 */
final class StepRecorder extends TrainingListenerAdapter {
    private float[] losses = new float[256];
    private int steps;
    private float[] accuracies = new float[16];
    private int epochs;

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        float sum = 0;
        int parts = 0;
        for (Map.Entry<Device, NDList> labels : batchData.getLabels().entrySet()) {
            NDList predictions = batchData.getPredictions().get(labels.getKey());
            try (NDArray loss = trainer.getLoss().evaluate(labels.getValue(), predictions)) {
                sum += loss.getFloat();
                parts++;
            }
        }
        if (steps == losses.length) {
            losses = Arrays.copyOf(losses, steps * 2);
        }
        losses[steps++] = sum / parts;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        Float accuracy = trainer.getTrainingResult().getValidateEvaluation("Accuracy");
        if (epochs == accuracies.length) {
            accuracies = Arrays.copyOf(accuracies, epochs * 2);
        }
        accuracies[epochs++] = accuracy == null ? Float.NaN : accuracy;
    }

    float[] losses() {
        return Arrays.copyOf(losses, steps);
    }

    float[] accuracies() {
        return Arrays.copyOf(accuracies, epochs);
    }
}
