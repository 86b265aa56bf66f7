package dev.sluice.plugins.opencv;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.spi.Reductions;
import java.nio.ByteBuffer;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgproc.Imgproc;

/**
 * The decoder's steps after imdecode, each taking a Mat and returning the next one, made in the
 * caller's {@link MatScope}: Sluice's channel layout, block averages, EXIF orientation, and the
 * copy out into an {@link Image}. 16-bit samples stay 16-bit in {@link ColorMode#UNCHANGED}, as
 * {@code IMREAD_UNCHANGED} keeps them; every step after the layout works at either depth.
 */
final class MatLayouts {
    /**
     * {@code convertTo} rounds; OpenCV's own 16-to-8-bit path (libpng's strip) truncates, keeping
     * the high byte. With {@code v / 256 - 0.498}, the rounding of every value lands on
     * {@code v >> 8}: the fraction {@code k / 256 - 0.498} stays within (-0.5, 0.5) for k in 0..255.
     */
    private static final double HIGH_BYTE_OFFSET = -0.498;

    private MatLayouts() {
    }

    /**
     * Samples in Sluice's order: grey, grey + alpha, RGB or RGBA; 8-bit, or 16-bit when a 16-bit
     * Mat is decoded in UNCHANGED mode. {@code greyWithAlpha} says that a 4-channel Mat came from a
     * grey + alpha PNG, which OpenCV expands to BGRA; in UNCHANGED mode it goes back to its two
     * stored channels (B = G = R after the expansion).
     */
    static Mat toSluiceLayout(Mat decoded, ColorMode mode, boolean greyWithAlpha, MatScope scope) throws DecodeException {
        Mat samples = decoded;
        if (decoded.depth() == CvType.CV_16U && mode != ColorMode.UNCHANGED) {
            samples = scope.newMat();
            decoded.convertTo(samples, CvType.CV_8U, 1.0 / 256, HIGH_BYTE_OFFSET);
        } else if (decoded.depth() != CvType.CV_8U && decoded.depth() != CvType.CV_16U) {
            throw new DecodeException("<bytes>", "samples of OpenCV type " + CvType.typeToString(decoded.type())
                    + " are not supported; Sluice decodes 8- and 16-bit integer images");
        }
        switch (samples.channels()) {
            case 3 -> {
                Mat rgb = scope.newMat();
                ColorConversions.convert(samples, rgb, Imgproc.COLOR_BGR2RGB, 3);
                return rgb;
            }
            case 4 -> {
                if (greyWithAlpha && mode == ColorMode.UNCHANGED) {
                    Mat pair = scope.track(new Mat(samples.rows(), samples.cols(), CvType.makeType(samples.depth(), 2)));
                    Core.mixChannels(List.of(samples), List.of(pair), scope.track(new MatOfInt(0, 0, 3, 1)));
                    return pair;
                }
                // Four channels in RGB or GRAY mode come only from a 16-bit RGBA TIFF read unchanged.
                Mat converted = scope.newMat();
                switch (mode) {
                    case RGB -> ColorConversions.convert(samples, converted, Imgproc.COLOR_BGRA2RGB, 3);
                    case GRAY -> ColorConversions.convert(samples, converted, Imgproc.COLOR_BGRA2GRAY, 1);
                    case UNCHANGED -> ColorConversions.convert(samples, converted, Imgproc.COLOR_BGRA2RGBA, 4);
                }
                return converted;
            }
            default -> {
                return samples;
            }
        }
    }

    /** {@link Reductions#blockAverage} of an 8- or 16-bit Mat, for formats OpenCV cannot reduce while decoding. */
    static Mat blockAverage(Mat pixels, int factor, MatScope scope) {
        int channels = pixels.channels();
        if (pixels.depth() == CvType.CV_16U) {
            short[] samples = new short[(int) pixels.total() * channels];
            pixels.get(0, 0, samples);
            short[] reduced = Reductions.blockAverage(samples, pixels.cols(), pixels.rows(), channels, factor);
            Mat out = scope.track(new Mat(Reductions.reducedLength(pixels.rows(), factor),
                    Reductions.reducedLength(pixels.cols(), factor), CvType.makeType(CvType.CV_16U, channels)));
            out.put(0, 0, reduced);
            return out;
        }
        byte[] samples = new byte[(int) pixels.total() * channels];
        pixels.get(0, 0, samples);
        byte[] reduced = Reductions.blockAverage(samples, pixels.cols(), pixels.rows(), channels, factor);
        Mat out = scope.track(new Mat(Reductions.reducedLength(pixels.rows(), factor),
                Reductions.reducedLength(pixels.cols(), factor), CvType.makeType(CvType.CV_8U, channels)));
        out.put(0, 0, reduced);
        return out;
    }

    /** {@code pixels} turned and mirrored as EXIF orientation 1 to 8 says a viewer shows them. */
    static Mat orient(Mat pixels, int orientation, MatScope scope) {
        if (orientation == 1) {
            return pixels;
        }
        Mat out = scope.newMat();
        switch (orientation) {
            case 2 -> Core.flip(pixels, out, 1);
            case 3 -> Core.rotate(pixels, out, Core.ROTATE_180);
            case 4 -> Core.flip(pixels, out, 0);
            case 5 -> Core.transpose(pixels, out);
            case 6 -> Core.rotate(pixels, out, Core.ROTATE_90_CLOCKWISE);
            case 7 -> {
                Mat transposed = scope.newMat();
                Core.transpose(pixels, transposed);
                Core.flip(transposed, out, -1);
            }
            case 8 -> Core.rotate(pixels, out, Core.ROTATE_90_COUNTERCLOCKWISE);
            default -> throw new IllegalArgumentException("EXIF orientation must be 1 to 8, was " + orientation);
        }
        return out;
    }

    /**
     * An 8-bit BGR Mat's samples, or those of its rectangle {@code region} when not null, converted to
     * RGB straight into memory lent by {@code buffers}: the one pass after imdecode.
     */
    static Image toLentRgb(Mat bgr, Region region, DecodeBuffers buffers, MatScope scope) {
        Mat view = view(bgr, region, scope);
        ByteBuffer memory = buffers.directPixels(view.rows() * view.cols() * 3);
        ColorConversions.convert(view, scope.track(new Mat(view.rows(), view.cols(), CvType.CV_8UC3, memory)),
                Imgproc.COLOR_BGR2RGB, 3);
        return Image.wrap(view.cols(), view.rows(), 3, memory);
    }

    /**
     * As {@link #toImage}, but an 8-bit image is copied into memory lent by {@code buffers}; a 16-bit
     * one, rare and kept in little-endian order whatever the platform's, goes to the heap as before.
     */
    static Image toLentImage(Mat pixels, Region region, DecodeBuffers buffers, MatScope scope) {
        if (pixels.depth() != CvType.CV_8U) {
            return toImage(pixels, region, scope);
        }
        Mat view = view(pixels, region, scope);
        ByteBuffer memory = buffers.directPixels(view.rows() * view.cols() * view.channels());
        view.copyTo(scope.track(new Mat(view.rows(), view.cols(), view.type(), memory)));
        return Image.wrap(view.cols(), view.rows(), view.channels(), memory);
    }

    /** {@code pixels}, or its rectangle {@code region} when not null. */
    private static Mat view(Mat pixels, Region region, MatScope scope) {
        return region == null ? pixels : scope.track(pixels.submat(region.y(), region.y() + region.height(),
                region.x(), region.x() + region.width()));
    }

    /** The samples of {@code pixels}, or of its rectangle {@code region} when not null, copied to the heap. */
    static Image toImage(Mat pixels, Region region, MatScope scope) {
        Mat view = view(pixels, region, scope);
        int channels = view.channels();
        if (view.depth() == CvType.CV_16U) {
            short[] samples = new short[view.rows() * view.cols() * channels];
            view.get(0, 0, samples);
            return Image.wrapUint16(view.cols(), view.rows(), channels, samples);
        }
        byte[] samples = new byte[view.rows() * view.cols() * channels];
        view.get(0, 0, samples);
        return Image.wrap(view.cols(), view.rows(), channels, samples);
    }
}
