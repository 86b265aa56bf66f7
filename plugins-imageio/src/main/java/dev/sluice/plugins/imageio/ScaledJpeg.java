package dev.sluice.plugins.imageio;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.spi.JpegCoefficients;
import dev.sluice.api.spi.JpegCoefficients.Component;
import dev.sluice.api.spi.JpegCoefficients.Frame;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A sequential 8-bit JPEG (grey, or YCbCr with sampling factors whose ratios are 1 or 2) decoded at
 * 1/2, 1/4 or 1/8 in the DCT domain, and a progressive one at 1/8 where every component it shows
 * needs only its DC coefficient (grey, 4:4:4, 4:2:2, 4:4:0; not 4:2:0, whose chroma libjpeg-turbo
 * transforms at 2x2 from AC coefficients), as libjpeg-turbo scales (so cv2's {@code IMREAD_REDUCED_*},
 * PIL's {@code draft} and the turbojpeg backend): each block goes through a 4x4, 2x2 or 1x1 inverse
 * DCT ({@link ScaledIdct}), a subsampled chroma component through a transform twice that size
 * where both its ratios allow (4:2:0 chroma at 8x8, 4x4 and 2x2), otherwise upsampled by {@link
 * ComponentRows}; then libjpeg's YCbCr to RGB. The coefficients come from the strict walk of the
 * coded data ({@link JpegCoefficients}), so the data is read once and damage refused as the walk
 * refuses it. Memory: the reduced component planes and the output, nothing of full size.
 */
final class ScaledJpeg implements JpegCoefficients.Blocks {
    private final int scaledBlock;
    private final boolean lumaOnly;
    private final ScaledIdct idct = new ScaledIdct();
    private Frame frame;
    /** Per component: the size of its inverse DCT (0 when not needed), its plane and the plane's row length. */
    private int[] sizes;
    private byte[][] planes;
    private int[] strides;
    private boolean[] received;

    ScaledJpeg(int factor, boolean lumaOnly) {
        this.scaledBlock = 8 / factor;
        this.lumaOnly = lumaOnly;
    }

    /**
     * The image reduced by {@code factor} (2, 4 or 8), grey for a one-component frame or when
     * {@code lumaOnly}, RGB otherwise; null when the frame is not one this decodes (arithmetic-coded,
     * 12-bit, not 1 or 3 components, sampling ratios other than 1 and 2, progressive at 1/2 or 1/4
     * or with 4:2:0 chroma, a component no scan covers), the coded data having been checked by the
     * strict walk either way (a progressive frame's only when decoded here).
     *
     * @param encoded the whole JPEG, which {@code ImageHeader.read} has accepted (size, pixel limit)
     * @param lumaOnly whether to return the first component of a three-component frame alone
     * @param buffers lend the output's array; null for a new one
     * @throws DecodeException as the strict walk, for damaged data
     */
    static PixelBuffer decode(ByteBuffer encoded, int factor, boolean lumaOnly, DecodeBuffers buffers)
            throws DecodeException {
        ScaledJpeg sink = new ScaledJpeg(factor, lumaOnly);
        if (!JpegCoefficients.decode(encoded, sink) || !sink.complete()) {
            return null;
        }
        return sink.pixels(buffers);
    }

    @Override
    public boolean begin(Frame header) {
        List<Component> components = header.components();
        if (components.size() != 1 && components.size() != 3) {
            return false;
        }
        int count = lumaOnly ? 1 : components.size();
        sizes = new int[components.size()];
        planes = new byte[components.size()][];
        strides = new int[components.size()];
        received = new boolean[components.size()];
        for (int c = 0; c < count; c++) {
            Component component = components.get(c);
            int size = transformSize(header, component);
            int across = header.maxHorizontal() * scaledBlock;
            int down = header.maxVertical() * scaledBlock;
            if (across % (component.horizontal() * size) != 0 || down % (component.vertical() * size) != 0) {
                return false;
            }
            int ratioAcross = across / (component.horizontal() * size);
            int ratioDown = down / (component.vertical() * size);
            boolean fancy = scaledBlock > 1;
            if (ratioAcross > 2 || ratioDown > 2 || (fancy && ratioAcross == 2 && ratioDown == 2)
                    || (header.progressive() && size > 1)) {
                return false;
            }
            long stride = (long) component.blockColumns() * size;
            long bytes = stride * component.blockRows() * size;
            if (bytes > Integer.MAX_VALUE - 16) {
                return false;
            }
            sizes[c] = size;
            strides[c] = (int) stride;
            planes[c] = new byte[(int) bytes];
        }
        frame = header;
        return true;
    }

    /**
     * libjpeg's choice (jdmaster.c): the reduced block size, doubled while the component's sampling
     * stays a whole multiple of it both ways, so that 4:2:0 chroma needs no upsampling.
     */
    private int transformSize(Frame header, Component component) {
        int size = scaledBlock;
        while (size < 8 && (header.maxHorizontal() * scaledBlock) % (component.horizontal() * size * 2) == 0
                && (header.maxVertical() * scaledBlock) % (component.vertical() * size * 2) == 0) {
            size *= 2;
        }
        return size;
    }

    @Override
    public int coefficients(int component) {
        return switch (sizes[component]) {
            case 0 -> 0;
            case 1 -> 1;
            default -> 64;
        };
    }

    @Override
    public void block(int component, int row, int column, int[] coefficients) {
        int size = sizes[component];
        int stride = strides[component];
        idct.transform(size, coefficients, planes[component], row * size * stride + column * size, stride);
        received[component] = true;
    }

    private boolean complete() {
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] != 0 && !received[c]) {
                return false;
            }
        }
        return true;
    }

    private PixelBuffer pixels(DecodeBuffers buffers) {
        int factor = 8 / scaledBlock;
        int width = ceilDiv(frame.width(), factor);
        int height = ceilDiv(frame.height(), factor);
        boolean colour = sizes.length == 3 && !lumaOnly;
        ComponentRows[] rows = new ComponentRows[colour ? 3 : 1];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = rows(c);
        }
        int bytes = width * height * (colour ? 3 : 1);
        byte[] out = buffers == null ? new byte[bytes] : buffers.pixelArray(bytes);
        byte[][] samples = new byte[rows.length][];
        for (int c = 0; c < rows.length; c++) {
            samples[c] = new byte[rows[c].length()];
        }
        if (!colour) {
            for (int y = 0; y < height; y++) {
                rows[0].row(y, samples[0]);
                System.arraycopy(samples[0], 0, out, y * width, width);
            }
            return new PixelBuffer(width, height, 1, out);
        }
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < 3; c++) {
                rows[c].row(y, samples[c]);
            }
            YccColours.toRgb(samples[0], samples[1], samples[2], width, out, y * width * 3);
        }
        return new PixelBuffer(width, height, 3, out);
    }

    /** The rows of component {@code c} at the output size, upsampled as libjpeg does at this scale. */
    private ComponentRows rows(int c) {
        Component component = frame.components().get(c);
        int size = sizes[c];
        int across = frame.maxHorizontal() * scaledBlock / (component.horizontal() * size);
        int down = frame.maxVertical() * scaledBlock / (component.vertical() * size);
        // The samples the component really has (libjpeg's downsampled_width and _height); the rest of its blocks is padding.
        int samplesAcross = (int) ceilDiv((long) frame.width() * component.horizontal() * size, frame.maxHorizontal() * 8L);
        int samplesDown = (int) ceilDiv((long) frame.height() * component.vertical() * size, frame.maxVertical() * 8L);
        return new ComponentRows(planes[c], strides[c], samplesAcross, samplesDown, across, down, scaledBlock > 1);
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
