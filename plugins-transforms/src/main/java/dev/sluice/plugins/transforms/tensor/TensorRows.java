package dev.sluice.plugins.transforms.tensor;

import dev.sluice.plugins.transforms.resize.RowSink;
import java.nio.FloatBuffer;

/**
 * Writes rows of 8-bit samples into a CHW float buffer as {@code (v / 255f - mean[c]) / std[c]}
 * (torchvision's {@code to_tensor} then {@code normalize}, in the same float operations), the last
 * step of {@code to_tensor} and of a fused pipeline; optionally mirrored left to right.
 */
public final class TensorRows implements RowSink {
    private final FloatBuffer destination;
    private final int offset;
    private final int width;
    private final int height;
    private final int channels;
    private final float[] mean;
    private final float[] std;
    private final boolean mirror;
    private final float[] plane;
    /** Per channel, the value of each level, for integer rows; made on their first use. */
    private float[][] tables;

    /**
     * A sink for a {@code width x height} image of {@code channels} channels.
     *
     * @param destination the floats to write into; not moved
     * @param offset the index of the first float of the result in {@code destination}
     * @param mean per channel, subtracted after dividing by 255 (zeros for {@code to_tensor} alone)
     * @param std per channel, divided by last (ones for {@code to_tensor} alone)
     * @param mirror whether each row is written right to left
     */
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
        float[][] tables = tables();
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

    @Override
    public void planeSamples(int channel, int y, int[] samples) {
        float[] table = tables()[channel];
        if (mirror) {
            for (int x = 0; x < width; x++) {
                plane[width - 1 - x] = table[samples[x]];
            }
        } else {
            for (int x = 0; x < width; x++) {
                plane[x] = table[samples[x]];
            }
        }
        destination.put(offset + (channel * height + y) * width, plane, 0, width);
    }

    /** Per channel, the value of each level, made on first use. */
    private float[][] tables() {
        if (tables == null) {
            tables = new float[channels][256];
            for (int c = 0; c < channels; c++) {
                for (int v = 0; v < 256; v++) {
                    tables[c][v] = (v / 255f - mean[c]) / std[c];
                }
            }
        }
        return tables;
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
