package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.DType;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.plugins.transforms.KeepsTargets;
import dev.sluice.plugins.transforms.TensorTransform;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code normalize}: torchvision's {@code Normalize}, {@code (x - mean[c]) / std[c]} for each channel
 * c of a float32 tensor of shape [..., C, H, W], computed in float32 as torchvision does.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code mean} and {@code std} ({@link #of(double[], double[])}, {@link #of(List, List)}; both
 *       required): one number for every channel (as torchvision broadcasts it), or one per channel;
 *       no {@code std} may be 0 in float32;</li>
 *   <li>{@code inplace} (YAML only; false): accepted for compatibility and without effect, since
 *       Sluice's tensors are never modified: a new one is returned.</li>
 * </ul>
 *
 * <pre>{@code
 * - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}     # YAML
 * Normalize.of(Normalize.IMAGENET_MEAN, Normalize.IMAGENET_STD)              // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source. It throws
 * {@link IllegalArgumentException} for a tensor that is not float32, has fewer than 3 dimensions, or
 * whose channel count differs from the number of means or stds given (unless that number is 1).
 * When the channel count is known when the pipeline is built ({@code decoder.mode} rgb or gray), its
 * {@link #outputChannels} refuses a count that does not fit there.
 */
public final class Normalize implements TensorTransform, KeepsTargets<Tensor, Tensor> {
    /** The ImageNet means of R, G and B that torchvision's pretrained models expect. */
    public static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);
    /** The ImageNet standard deviations of R, G and B that torchvision's pretrained models expect. */
    public static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);

    private final float[] mean;
    private final float[] std;
    private final String meanKey;
    private final String stdKey;

    /**
     * @param mean one value or one per channel, configured at {@code meanKey}
     * @param std the same, none zero in float32, configured at {@code stdKey}
     */
    Normalize(double[] mean, double[] std, String meanKey, String stdKey) {
        if (mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException((mean.length == 0 ? "mean" : "std") + " must hold at least one value");
        }
        for (double s : std) {
            if ((float) s == 0f) {
                throw new IllegalArgumentException("std evaluated to zero after conversion to float32, leading to "
                        + "division by zero.");
            }
        }
        this.mean = toFloats(mean);
        this.std = toFloats(std);
        this.meanKey = meanKey;
        this.stdKey = stdKey;
    }

    /**
     * {@code (x - mean[c]) / std[c]}.
     *
     * @param mean one value for every channel, or one per channel
     * @param std the same; none may be 0 in float32
     * @throws IllegalArgumentException when either is empty or a std is 0
     */
    public static Normalize of(double[] mean, double[] std) {
        return new Normalize(mean, std, "mean", "std");
    }

    /** As {@link #of(double[], double[])}, from lists such as {@link #IMAGENET_MEAN}. */
    public static Normalize of(List<Double> mean, List<Double> std) {
        return of(mean.stream().mapToDouble(Double::doubleValue).toArray(),
                std.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /**
     * The mean of each of {@code channels} channels.
     *
     * @throws IllegalArgumentException naming the option when it has neither 1 nor {@code channels} values
     */
    public float[] means(int channels) {
        return perChannel(mean, channels, meanKey);
    }

    /**
     * The standard deviation of each of {@code channels} channels.
     *
     * @throws IllegalArgumentException naming the option when it has neither 1 nor {@code channels} values
     */
    public float[] stds(int channels) {
        return perChannel(std, channels, stdKey);
    }

    private static float[] perChannel(float[] values, int channels, String key) {
        requireFits(values, channels, key);
        float[] out = new float[channels];
        for (int c = 0; c < channels; c++) {
            out[c] = values.length == 1 ? values[0] : values[c];
        }
        return out;
    }

    private static void requireFits(float[] values, int channels, String key) {
        if (values.length != 1 && values.length != channels) {
            throw new OptionsException(key, "has " + values.length + " values, but the tensor it normalizes has "
                    + (channels == 1 ? "1 channel; give 1 value" : channels + " channels; give " + channels
                    + " values, or 1 for every channel"));
        }
    }

    /**
     * The count it gets, after checking that {@code mean} and {@code std} each have one value or
     * one per channel.
     *
     * @throws OptionsException at {@code mean}'s or {@code std}'s key path when it does not fit
     */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        if (input.isPresent()) {
            requireFits(mean, input.getAsInt(), meanKey);
            requireFits(std, input.getAsInt(), stdKey);
        }
        return input;
    }

    @Override
    public Tensor apply(Tensor tensor, RandomGenerator random) {
        if (tensor.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("Input tensor should be a float tensor. Got " + tensor.dtype());
        }
        if (tensor.rank() < 3) {
            throw new IllegalArgumentException("Expected tensor to be a tensor image of size (..., C, H, W). Got "
                    + "tensor.size() = " + Arrays.toString(tensor.shape()));
        }
        int rank = tensor.rank();
        int channels = tensor.dim(rank - 3);
        int plane = tensor.dim(rank - 2) * tensor.dim(rank - 1);
        float[] means = means(channels);
        float[] stds = stds(channels);
        float[] x = tensor.toFloatArray();
        for (int start = 0, c = 0; start < x.length; start += plane, c = (c + 1) % channels) {
            float m = means[c];
            float s = stds[c];
            for (int i = start; i < start + plane; i++) {
                x[i] = (x[i] - m) / s;
            }
        }
        ByteBuffer buffer = HeapBuffers.allocate(x.length, DType.FLOAT32);
        buffer.asFloatBuffer().put(x);
        return Tensor.wrap(DType.FLOAT32, tensor.shape(), buffer);
    }

    @Override
    public String toString() {
        return "normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
