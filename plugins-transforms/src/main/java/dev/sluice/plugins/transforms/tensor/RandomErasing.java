package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import dev.sluice.plugins.transforms.KeepsTargets;
import dev.sluice.plugins.transforms.TensorTransform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * {@code random_erasing}: torchvision's {@code RandomErasing} on a float32 tensor image
 * {@code [..., C, H, W]} (after {@code to_tensor}, as torchvision requires). With probability
 * {@code p} (applied when one uniform draw is below it) it tries up to ten times to draw a rectangle:
 * area {@code A = H W U(scale)}, aspect {@code r = exp(U(log ratio))} (the logs in float32),
 * {@code h = rint(sqrt(A r))}, {@code w = rint(sqrt(A / r))}; the first with {@code h < H} and
 * {@code w < W} is placed at {@code top = randint(0, H - h + 1)}, {@code left = randint(0, W - w + 1)}
 * and overwritten with {@code value} in every leading slice. When all ten fail nothing is erased.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code p} ({@link #p(double)}; 0.5): the probability of erasing;</li>
 *   <li>{@code scale} ({@link #scale(double, double)}; [0.02, 0.33]): the erased fraction of the area, in [0, 1];</li>
 *   <li>{@code ratio} ({@link #ratio(double, double)}; [0.3, 3.3]): the aspect (height / width) range, both {@code > 0};</li>
 *   <li>{@code value} ({@link #value(double...)}, {@link #randomValue()}; 0): one value, one per channel,
 *       or {@code random}: independent standard normal values per erased element (the same for every
 *       leading slice, as torchvision's {@code [C, h, w]} noise broadcasts).</li>
 * </ul>
 *
 * <pre>{@code
 * - random_erasing: {p: 0.25, value: random}     # YAML, after to_tensor
 * RandomErasing.of().p(0.25).randomValue()       // Java
 * }</pre>
 *
 * <p>Targets: boxes, masks and key points pass through unchanged, as torchvision v2 does (it warns).
 * Immutable, safe for concurrent use. It throws {@link IllegalArgumentException} for a tensor that is
 * not float32 or has fewer than three dimensions, and for per-channel values that do not match its channels.
 */
public final class RandomErasing implements TensorTransform, KeepsTargets<Tensor, Tensor> {
    private static final RandomErasing DEFAULT = new RandomErasing(0.5, new double[] {0.02, 0.33},
            new double[] {0.3, 3.3}, new double[] {0});

    private final double p;
    private final double[] scale;
    private final double[] ratio;
    /** The fill values, or null for standard normal noise. */
    private final double[] value;

    private RandomErasing(double p, double[] scale, double[] ratio, double[] value) {
        this.p = p;
        this.scale = scale;
        this.ratio = ratio;
        this.value = value;
    }

    /** torchvision's defaults: p 0.5, scale [0.02, 0.33], ratio [0.3, 3.3], value 0. */
    public static RandomErasing of() {
        return DEFAULT;
    }

    /**
     * This transform, erasing with probability {@code p}.
     *
     * @throws IllegalArgumentException unless {@code p} is in [0, 1]
     */
    public RandomErasing p(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Random erasing probability should be between 0 and 1, was " + p);
        }
        return new RandomErasing(p, scale, ratio, value);
    }

    /**
     * This transform, erasing a fraction of the area from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= min <= max <= 1}
     */
    public RandomErasing scale(double min, double max) {
        if (!(min >= 0 && max <= 1 && min <= max)) {
            throw new IllegalArgumentException("Scale should be [min, max] between 0 and 1, was [" + min + ", " + max + "]");
        }
        return new RandomErasing(p, new double[] {min, max}, ratio, value);
    }

    /**
     * This transform, with aspects (height / width) from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code 0 < min <= max}, both finite
     */
    public RandomErasing ratio(double min, double max) {
        if (!(min > 0 && min <= max && max < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Ratio should be [min, max] with 0 < min <= max, was [" + min + ", "
                    + max + "]");
        }
        return new RandomErasing(p, scale, new double[] {min, max}, value);
    }

    /**
     * This transform, erasing with {@code values}: one for every channel, or one per channel.
     *
     * @throws IllegalArgumentException when there is no value or one is not finite
     */
    public RandomErasing value(double... values) {
        if (values.length == 0 || Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))) {
            throw new IllegalArgumentException("value must hold one finite value or one per channel, was "
                    + Arrays.toString(values));
        }
        return new RandomErasing(p, scale, ratio, values.clone());
    }

    /** This transform, erasing with standard normal noise (torchvision's {@code value="random"}). */
    public RandomErasing randomValue() {
        return new RandomErasing(p, scale, ratio, null);
    }

    @Override
    public Tensor apply(Tensor tensor, RandomGenerator random) {
        if (tensor.dtype() != DType.FLOAT32 || tensor.rank() < 3) {
            throw new IllegalArgumentException("random_erasing takes a float32 tensor image [..., C, H, W] (put it "
                    + "after to_tensor), got " + tensor.dtype() + " " + Arrays.toString(tensor.shape()));
        }
        int rank = tensor.rank();
        int channels = tensor.dim(rank - 3);
        if (value != null && value.length != 1 && value.length != channels) {
            throw new IllegalArgumentException("If value is a sequence, it should have either a single value or "
                    + channels + " (number of input channels), was " + Arrays.toString(value));
        }
        if (!(random.nextDouble() < p)) {
            return tensor;
        }
        int[] box = draw(random, tensor.dim(rank - 2), tensor.dim(rank - 1));
        return box == null ? tensor : erase(tensor, box, random);
    }

    /** torchvision's {@code get_params}: {top, left, h, w}, or null when ten tries fail. */
    int[] draw(RandomGenerator random, int height, int width) {
        double area = (double) height * width;
        double logLow = (float) Math.log((float) ratio[0]);
        double logHigh = (float) Math.log((float) ratio[1]);
        for (int attempt = 0; attempt < 10; attempt++) {
            double erased = area * (scale[0] + (scale[1] - scale[0]) * random.nextDouble());
            double aspect = Math.exp(logLow + (logHigh - logLow) * random.nextDouble());
            int h = (int) Math.rint(Math.sqrt(erased * aspect));
            int w = (int) Math.rint(Math.sqrt(erased / aspect));
            if (h < height && w < width) {
                int top = random.nextInt(0, height - h + 1);
                int left = random.nextInt(0, width - w + 1);
                return new int[] {top, left, h, w};
            }
        }
        return null;
    }

    /** torchvision's {@code erase(img, i, j, h, w, v)}: the box set to the values (or fresh noise) in every leading slice. */
    Tensor erase(Tensor tensor, int[] box, RandomGenerator random) {
        int rank = tensor.rank();
        int channels = tensor.dim(rank - 3);
        int height = tensor.dim(rank - 2);
        int width = tensor.dim(rank - 1);
        int top = box[0];
        int left = box[1];
        int h = box[2];
        int w = box[3];
        float[] fill = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < h * w; k++) {
                fill[c * h * w + k] = value == null ? (float) random.nextGaussian()
                        : (float) value[value.length == 1 ? 0 : c];
            }
        }
        float[] values = tensor.toFloatArray();
        int plane = height * width;
        int images = (int) (tensor.numel() / ((long) channels * plane));
        for (int n = 0; n < images; n++) {
            for (int c = 0; c < channels; c++) {
                int base = (n * channels + c) * plane;
                for (int y = 0; y < h; y++) {
                    System.arraycopy(fill, (c * h + y) * w, values, base + (top + y) * width + left, w);
                }
            }
        }
        ByteBuffer buffer = HeapBuffers.allocate(values.length, DType.FLOAT32);
        FloatBuffer floats = buffer.asFloatBuffer();
        floats.put(values);
        return Tensor.wrap(DType.FLOAT32, tensor.shape(), buffer.order(ByteOrder.LITTLE_ENDIAN));
    }

    @Override
    public String toString() {
        return "random_erasing(p=" + p + ", scale=" + Arrays.toString(scale) + ", ratio=" + Arrays.toString(ratio)
                + ", value=" + (value == null ? "random" : Arrays.toString(value)) + ")";
    }
}
