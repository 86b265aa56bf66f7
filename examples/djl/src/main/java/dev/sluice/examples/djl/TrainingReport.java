package dev.sluice.examples.djl;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a run of {@link PhotoClassifier} measured: the loss of every training step, the held-out
 * accuracy before training and after every epoch, the wall time, and how many arrays Sluice handed to DJL and how many
 * of those were copies. Immutable; the arrays are copied in and out.
 */
public final class TrainingReport {
    private final float[] losses;
    private final float untrainedAccuracy;
    private final float[] accuracies;
    private final double seconds;
    private final long arraysMade;
    private final long arraysCopied;

    TrainingReport(float[] losses, float untrainedAccuracy, float[] accuracies, double seconds, long arraysMade,
            long arraysCopied) {
        this.losses = losses.clone();
        this.untrainedAccuracy = untrainedAccuracy;
        this.accuracies = accuracies.clone();
        this.seconds = seconds;
        this.arraysMade = arraysMade;
        this.arraysCopied = arraysCopied;
    }

    /** The training loss of each step (softmax cross-entropy, mean over the batch), in order. */
    public float[] losses() {
        return losses.clone();
    }

    /** The number of training steps. */
    public int steps() {
        return losses.length;
    }

    /**
     * The mean loss of steps {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @throws IllegalArgumentException unless {@code 0 <= from < to <= steps()}
     */
    public double meanLoss(int from, int to) {
        if (from < 0 || from >= to || to > losses.length) {
            throw new IllegalArgumentException("steps [" + from + ", " + to + ") are not a non-empty range of the "
                    + losses.length + " steps");
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += losses[i];
        }
        return sum / (to - from);
    }

    /** The held-out accuracy, in [0, 1], of the initial weights, before the first step. */
    public float untrainedAccuracy() {
        return untrainedAccuracy;
    }

    /** The held-out accuracy, in [0, 1], after each epoch. */
    public float[] validationAccuracies() {
        return accuracies.clone();
    }

    /**
     * The held-out accuracy after the last epoch, in [0, 1].
     *
     * @throws IllegalStateException if no epoch ran
     */
    public float finalAccuracy() {
        if (accuracies.length == 0) {
            throw new IllegalStateException("no epoch ran, so there is no accuracy");
        }
        return accuracies[accuracies.length - 1];
    }

    /** Wall-clock seconds of the whole fit, validation included. */
    public double seconds() {
        return seconds;
    }

    /** Arrays made from Sluice tensors for DJL: inputs and labels of every batch, training and validation. */
    public long arraysMade() {
        return arraysMade;
    }

    /** How many of those arrays are copies rather than views of Sluice's memory. */
    public long arraysCopied() {
        return arraysCopied;
    }

    /**
     * Several lines for people: the first step's loss and the mean loss of each epoch, the accuracy
     * of each epoch, the time and the copy count.
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d steps in %.1f s (%.1f steps/s, validation included)%n",
                losses.length, seconds, losses.length / seconds));
        if (losses.length > 0 && accuracies.length > 0) {
            int perEpoch = losses.length / accuracies.length;
            text.append(String.format(Locale.ROOT, "training loss: first step %.3f; mean by epoch", losses[0]));
            for (int epoch = 0; epoch < accuracies.length; epoch++) {
                text.append(String.format(Locale.ROOT, " %.3f", meanLoss(epoch * perEpoch, (epoch + 1) * perEpoch)));
            }
            text.append(System.lineSeparator());
        }
        text.append(String.format(Locale.ROOT, "held-out accuracy: %.3f untrained; by epoch", untrainedAccuracy));
        for (float accuracy : accuracies) {
            text.append(String.format(Locale.ROOT, " %.3f", accuracy));
        }
        text.append(String.format(Locale.ROOT, "%narrays handed from Sluice to DJL: %d, copied: %d%n", arraysMade,
                arraysCopied));
        return text.toString();
    }

    @Override
    public String toString() {
        return "TrainingReport[steps=" + losses.length + ", epochs=" + accuracies.length + ", accuracies="
                + Arrays.toString(accuracies) + "]";
    }
}
