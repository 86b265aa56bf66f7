package dev.sluice.plugins.transforms.resize;

import dev.sluice.plugins.transforms.Raster;

/** Collects a resampler's rows into a new HWC raster. */
public final class ImageSink implements RowSink {
    private final Raster raster;

    public ImageSink(int width, int height, int channels) {
        this.raster = new Raster(new byte[width * height * channels], width, height, channels);
    }

    @Override
    public void row(int y, int[] samples) {
        byte[] data = raster.data;
        int at = y * raster.rowBytes();
        for (int i = 0, n = raster.rowBytes(); i < n; i++) {
            data[at + i] = (byte) samples[i];
        }
    }

    @Override
    public void planeRow(int channel, int y, float[] levels) {
        byte[] data = raster.data;
        int channels = raster.channels;
        for (int x = 0, at = y * raster.rowBytes() + channel; x < raster.width; x++, at += channels) {
            data[at] = (byte) (int) levels[x];
        }
    }

    @Override
    public void planeSamples(int channel, int y, int[] samples) {
        byte[] data = raster.data;
        int channels = raster.channels;
        for (int x = 0, at = y * raster.rowBytes() + channel; x < raster.width; x++, at += channels) {
            data[at] = (byte) samples[x];
        }
    }

    public Raster raster() {
        return raster;
    }
}
