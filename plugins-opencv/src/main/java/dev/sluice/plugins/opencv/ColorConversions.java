package dev.sluice.plugins.opencv;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * OpenCV's {@code cvtColor}, run on the calling thread. OpenCV 4.9 splits a conversion into one
 * stripe per 65,536 pixels and hands stripes to its own thread pool; the pool's thread then keeps
 * polling ({@code sched_yield}) for a while after each call, and the caller waits for it to be
 * scheduled. In a loader whose workers already keep every core busy, that costs more than the
 * conversion itself: a 500x375 photograph's decode took 0.4 ms more process CPU than thread CPU
 * (BENCHMARKS.md, issue 14 fifth round). {@code parallel_for_} runs a loop of one stripe, or of one
 * row, on the caller, so the image is converted in bands of at most 65,536 pixels (or one row).
 * Every pixel's conversion reads only that pixel, so the bands give the same samples as one call.
 * {@code cv::setNumThreads(0)} would do the same for the whole process, taking OpenCV's threads from
 * the application that embeds Sluice; this stays inside the decoder.
 */
final class ColorConversions {
    /** Pixels per band: OpenCV's colour conversions ask for one stripe per 2^16 pixels. */
    static final int BAND_PIXELS = 1 << 16;

    private ColorConversions() {
    }

    /**
     * Converts {@code from} into {@code to} as {@code Imgproc.cvtColor(from, to, code)} does, band by
     * band on this thread. {@code to} is (re)made {@code from}'s size, {@code from}'s depth and
     * {@code channels} channels unless it already is, so it may be a view into larger memory.
     */
    static void convert(Mat from, Mat to, int code, int channels) {
        to.create(from.rows(), from.cols(), CvType.makeType(from.depth(), channels));
        int band = Math.max(1, BAND_PIXELS / from.cols());
        for (int top = 0; top < from.rows(); top += band) {
            int bottom = Math.min(from.rows(), top + band);
            Mat source = from.rowRange(top, bottom);
            Mat target = to.rowRange(top, bottom);
            try {
                Imgproc.cvtColor(source, target, code);
            } finally {
                source.release();
                target.release();
            }
        }
    }
}
