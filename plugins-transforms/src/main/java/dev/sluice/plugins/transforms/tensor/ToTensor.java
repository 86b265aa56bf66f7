package dev.sluice.plugins.transforms.tensor;

import dev.sluice.plugins.transforms.KeepsTargets;
import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code to_tensor}: torchvision's {@code ToTensor}. An image of C channels (HWC, 8-bit) becomes a
 * float32 tensor of shape [C, H, W] holding {@code level / 255} in float32, so values are in
 * [0, 1] and equal to torchvision's bit for bit. It has no parameters.
 *
 * <pre>{@code
 * - to_tensor         # YAML
 * ToTensor.of()       // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; the tensor's memory is
 * on the heap.
 */
public final class ToTensor implements KeepsTargets<Image, Tensor> {
    private static final ToTensor INSTANCE = new ToTensor();

    private ToTensor() {
    }

    /** The conversion; it has no parameters, so there is one. */
    public static ToTensor of() {
        return INSTANCE;
    }

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
        ByteBuffer buffer = HeapBuffers.allocate((long) channels * h * w, DType.FLOAT32);
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
