package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Image;
import java.nio.ByteBuffer;

/**
 * OpenCV's INTER_AREA for whole-number shrink factors ({@code resizeAreaFast_}): each output pixel is
 * the mean of a {@code factorX x factorY} block. Exactly 2 x 2 on 1, 3 or 4 channels rounds half up
 * in integers, as OpenCV's SIMD path; other factors multiply the sum by the float reciprocal of the
 * block area and round half to even. Blocks cut by the right or bottom edge average the pixels that
 * exist, and a row of blocks cut by the bottom edge is computed that way throughout, as OpenCV does.
 */
final class AreaFastResampler implements Resampler {
    private final int originX;
    private final int originY;
    private final int sourceWidth;
    private final int sourceHeight;
    private final int factorX;
    private final int factorY;
    private final int outputWidth;
    private final int outputHeight;

    AreaFastResampler(int originX, int originY, int sourceWidth, int sourceHeight, int factorX, int factorY,
            int outputWidth, int outputHeight) {
        this.originX = originX;
        this.originY = originY;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.factorX = factorX;
        this.factorY = factorY;
        this.outputWidth = outputWidth;
        this.outputHeight = outputHeight;
    }

    @Override
    public int outputWidth() {
        return outputWidth;
    }

    @Override
    public int outputHeight() {
        return outputHeight;
    }

    @Override
    public void resample(Image source, Window window, RowSink sink) {
        ByteBuffer data = source.pixels();
        int channels = source.channels();
        int rowBytes = source.width() * channels;
        boolean halving = factorX == 2 && factorY == 2 && channels != 2;
        float reciprocal = 1f / (factorX * factorY);
        int fullColumns = sourceWidth / factorX;
        int[] out = new int[window.width() * channels];
        for (int oy = window.y0(); oy < window.y1(); oy++) {
            int sy0 = oy * factorY;
            boolean fullRow = sy0 + factorY <= sourceHeight;
            int at = 0;
            for (int ox = window.x0(); ox < window.x1(); ox++) {
                int sx0 = ox * factorX;
                for (int c = 0; c < channels; c++) {
                    if (sy0 >= sourceHeight || sx0 >= sourceWidth) {
                        out[at++] = 0;
                    } else if (fullRow && ox < fullColumns) {
                        int sum = blockSum(data, rowBytes, channels, sx0, sy0, factorX, factorY, c);
                        out[at++] = halving ? (sum + 2) >> 2 : clamp((int) Math.rint(sum * reciprocal));
                    } else {
                        int width = Math.min(factorX, sourceWidth - sx0);
                        int height = Math.min(factorY, sourceHeight - sy0);
                        int sum = blockSum(data, rowBytes, channels, sx0, sy0, width, height, c);
                        out[at++] = clamp((int) Math.rint((float) sum / (width * height)));
                    }
                }
            }
            sink.row(oy - window.y0(), out);
        }
    }

    private int blockSum(ByteBuffer data, int rowBytes, int channels, int sx0, int sy0, int width, int height,
            int channel) {
        int sum = 0;
        for (int y = 0; y < height; y++) {
            int at = (originY + sy0 + y) * rowBytes + (originX + sx0) * channels + channel;
            for (int x = 0; x < width; x++) {
                sum += data.get(at + x * channels) & 0xFF;
            }
        }
        return sum;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
