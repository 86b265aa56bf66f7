package dev.sluice.examples.training;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.util.Arrays;

/**
 * The smallest model that trains on real batches: a softmax regression on each image's three
 * channel means, fitted by plain gradient descent on the cross-entropy loss. It stands where a
 * network would; what matters here is what it is fed: images float32 [N, C, H, W] and labels int64
 * [N] of class indices, the inputs of PyTorch's {@code CrossEntropyLoss}.
 */
final class ChannelMeanClassifier {
    private final int classes;
    private final double learningRate;
    /** Per class: a weight per channel, then the bias. */
    private final double[][] weights;

    /**
     * @param classes the number of classes, {@code >= 2}
     * @param learningRate the gradient step, {@code > 0}
     */
    ChannelMeanClassifier(int classes, double learningRate) {
        if (classes < 2 || !(learningRate > 0)) {
            throw new IllegalArgumentException("classes must be >= 2 and learningRate > 0, were " + classes + " and "
                    + learningRate);
        }
        this.classes = classes;
        this.learningRate = learningRate;
        this.weights = new double[classes][4];
    }

    /**
     * One gradient step on a batch.
     *
     * @param images float32 [N, 3, H, W]
     * @param labels int64 [N], each in {@code [0, classes)}
     * @return the batch's mean cross-entropy before the step
     * @throws IllegalArgumentException if the shapes or dtypes are not those, or a label is out of range
     */
    double step(Tensor images, Tensor labels) {
        if (images.dtype() != DType.FLOAT32 || images.rank() != 4 || images.dim(1) != 3 || labels.dtype() != DType.INT64
                || labels.rank() != 1 || labels.dim(0) != images.dim(0)) {
            throw new IllegalArgumentException("expected images float32 [N, 3, H, W] and labels int64 [N], got "
                    + images.dtype() + " " + Arrays.toString(images.shape()) + " and " + labels.dtype() + " "
                    + Arrays.toString(labels.shape()));
        }
        int n = images.dim(0);
        double[][] gradient = new double[classes][4];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double[] features = channelMeans(images, i);
            double[] p = probabilities(features);
            int label = Math.toIntExact(labels.getLong(i));
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of sample " + i + " is outside [0, " + classes + ")");
            }
            loss -= Math.log(Math.max(p[label], 1e-12));
            for (int c = 0; c < classes; c++) {
                double error = p[c] - (c == label ? 1 : 0);
                for (int f = 0; f < 4; f++) {
                    gradient[c][f] += error * features[f] / n;
                }
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int f = 0; f < 4; f++) {
                weights[c][f] -= learningRate * gradient[c][f];
            }
        }
        return loss / n;
    }

    /** The three channel means of image {@code i}, then 1 for the bias. */
    private static double[] channelMeans(Tensor images, int i) {
        int plane = images.dim(2) * images.dim(3);
        double[] features = {0, 0, 0, 1};
        for (int channel = 0; channel < 3; channel++) {
            long start = ((long) i * 3 + channel) * plane;
            double sum = 0;
            for (int k = 0; k < plane; k++) {
                sum += images.getFloat(start + k);
            }
            features[channel] = sum / plane;
        }
        return features;
    }

    private double[] probabilities(double[] features) {
        double[] scores = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            for (int f = 0; f < 4; f++) {
                scores[c] += weights[c][f] * features[f];
            }
            max = Math.max(max, scores[c]);
        }
        double total = 0;
        for (int c = 0; c < classes; c++) {
            scores[c] = Math.exp(scores[c] - max);
            total += scores[c];
        }
        for (int c = 0; c < classes; c++) {
            scores[c] /= total;
        }
        return scores;
    }
}
