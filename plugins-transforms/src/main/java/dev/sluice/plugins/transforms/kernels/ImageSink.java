package dev.sluice.plugins.transforms.kernels;

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

    public Raster raster() {
        return raster;
    }
}
