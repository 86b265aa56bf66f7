package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.DType;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.kernels.RowSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The tensor family: {@code to_tensor} (an image to CHW float32 in [0, 1]), {@code normalize}
 * (per-channel {@code (x - mean) / std}) and {@code to_dtype}, with torchvision's float32 arithmetic
 * so that results are bit for bit torchvision's.
 */
public final class TensorConversions {
    private TensorConversions() {
    }

    /** A new little-endian heap buffer for {@code elements} values of {@code dtype}. */
    static ByteBuffer allocate(long elements, DType dtype) {
        return ByteBuffer.allocate(Math.toIntExact(elements * dtype.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code to_tensor}: torchvision's {@code to_tensor} on a uint8 array, {@code v / 255} in float32, HWC to CHW. */
    public static final class ToTensor implements Transform<Image, Tensor> {

        @Override
        public Tensor apply(Image image, RandomGenerator random) {
            float[] mean = new float[image.channels()];
            float[] std = new float[image.channels()];
            Arrays.fill(std, 1f);
            return write(image, mean, std);
        }

        /** The image as CHW float32, each level v of channel c written as {@code (v / 255f - mean[c]) / std[c]}. */
        static Tensor write(Image image, float[] mean, float[] std) {
            int w = image.width();
            int h = image.height();
            int channels = image.channels();
            ByteBuffer buffer = allocate((long) channels * h * w, DType.FLOAT32);
            TensorRows sink = new TensorRows(buffer.asFloatBuffer(), 0, w, h, channels, mean, std, false);
            byte[] hwc = image.toArray();
            int[] row = new int[w * channels];
            for (int y = 0; y < h; y++) {
                int at = y * row.length;
                for (int i = 0; i < row.length; i++) {
                    row[i] = hwc[at + i] & 0xFF;
                }
                sink.row(y, row);
            }
            return Tensor.wrap(DType.FLOAT32, new int[] {channels, h, w}, buffer);
        }

        @Override
        public Class<?> inputType() {
            return Image.class;
        }

        @Override
        public Class<?> outputType() {
            return Tensor.class;
        }

        /** One plane per channel of the image: the count it gets. */
        @Override
        public OptionalInt outputChannels(OptionalInt input) {
            return input;
        }

        @Override
        public String toString() {
            return "to_tensor";
        }
    }

    /**
     * {@code normalize}: torchvision's {@code normalize}, {@code (x - mean[c]) / std[c]} in float32 over
     * axis -3. As torchvision broadcasts them, one mean or std serves every channel, and otherwise
     * there must be one per channel.
     */
    public static final class Normalize implements Transform<Tensor, Tensor> {
        private final float[] mean;
        private final float[] std;
        private final String meanKey;
        private final String stdKey;

        /**
         * @param mean one value or one per channel, configured at {@code meanKey}
         * @param std the same, none zero in float32, configured at {@code stdKey}
         */
        Normalize(double[] mean, double[] std, String meanKey, String stdKey) {
            this.mean = toFloats(mean);
            this.std = toFloats(std);
            this.meanKey = meanKey;
            this.stdKey = stdKey;
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
            ByteBuffer buffer = allocate(x.length, DType.FLOAT32);
            buffer.asFloatBuffer().put(x);
            return Tensor.wrap(DType.FLOAT32, tensor.shape(), buffer);
        }

        @Override
        public Class<?> inputType() {
            return Tensor.class;
        }

        @Override
        public Class<?> outputType() {
            return Tensor.class;
        }

        @Override
        public String toString() {
            return "normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
        }
    }

    /**
     * Writes rows of 8-bit samples into a CHW float buffer as {@code (v / 255f - mean[c]) / std[c]}
     * (torchvision's {@code to_tensor} then {@code normalize}, in the same float operations), the last
     * step of {@code to_tensor} and of a fused pipeline; optionally mirrored left to right.
     */
    public static final class TensorRows implements RowSink {
        private final FloatBuffer destination;
        private final int offset;
        private final int width;
        private final int height;
        private final int channels;
        private final float[] mean;
        private final float[] std;
        private final boolean mirror;
        private final float[] plane;
        /** Per channel, the value of each level, for interleaved rows; made on their first use. */
        private float[][] tables;
        /** Three planes' rows for {@link #rgbRow}; made on its first use. */
        private float[][] rgb;

        public TensorRows(FloatBuffer destination, int offset, int width, int height, int channels, float[] mean,
                float[] std, boolean mirror) {
            this.destination = destination;
            this.offset = offset;
            this.width = width;
            this.height = height;
            this.channels = channels;
            this.mean = mean;
            this.std = std;
            this.mirror = mirror;
            this.plane = new float[width];
        }

        @Override
        public void row(int y, int[] samples) {
            if (tables == null) {
                tables = new float[channels][256];
                for (int c = 0; c < channels; c++) {
                    for (int v = 0; v < 256; v++) {
                        tables[c][v] = (v / 255f - mean[c]) / std[c];
                    }
                }
            }
            if (channels == 3) {
                rgbRow(y, samples);
                return;
            }
            for (int c = 0; c < channels; c++) {
                float[] table = tables[c];
                if (mirror) {
                    for (int x = 0, i = c; x < width; x++, i += channels) {
                        plane[width - 1 - x] = table[samples[i]];
                    }
                } else {
                    for (int x = 0, i = c; x < width; x++, i += channels) {
                        plane[x] = table[samples[i]];
                    }
                }
                destination.put(offset + (c * height + y) * width, plane, 0, width);
            }
        }

        /** {@link #row} for three channels: one pass over the samples instead of one per channel. */
        private void rgbRow(int y, int[] samples) {
            if (rgb == null) {
                rgb = new float[3][width];
            }
            float[] r = rgb[0];
            float[] g = rgb[1];
            float[] b = rgb[2];
            float[] tr = tables[0];
            float[] tg = tables[1];
            float[] tb = tables[2];
            int step = mirror ? -1 : 1;
            for (int i = 0, x = mirror ? width - 1 : 0; i < 3 * width; i += 3, x += step) {
                r[x] = tr[samples[i]];
                g[x] = tg[samples[i + 1]];
                b[x] = tb[samples[i + 2]];
            }
            for (int c = 0; c < 3; c++) {
                destination.put(offset + (c * height + y) * width, rgb[c], 0, width);
            }
        }

        @Override
        public void planeRow(int channel, int y, float[] levels) {
            float m = mean[channel];
            float s = std[channel];
            if (mirror) {
                for (int x = 0; x < width; x++) {
                    plane[width - 1 - x] = (levels[x] / 255f - m) / s;
                }
            } else {
                // Whole arrays from index 0: vectorised.
                for (int x = 0; x < width; x++) {
                    plane[x] = (levels[x] / 255f - m) / s;
                }
            }
            destination.put(offset + (channel * height + y) * width, plane, 0, width);
        }
    }
}
