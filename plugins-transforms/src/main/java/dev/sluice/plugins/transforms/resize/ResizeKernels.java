package dev.sluice.plugins.transforms.resize;

/**
 * Chooses and builds the resampler for a resize, following the library each setting must match:
 * antialiased bilinear and bicubic are PyTorch's (what torchvision's {@code resize(antialias=True)}
 * runs, and within one level of PIL); everything else is OpenCV's {@code cv::resize} on 8-bit images,
 * including its choice of the fast area path for whole-number factors and of INTER_AREA for an exact
 * halving with INTER_LINEAR. Nearest and area ignore {@code antialias}: area averages by
 * construction, and nearest is the same in OpenCV and torchvision.
 */
public final class ResizeKernels {
    private static final double DBL_EPSILON = Math.ulp(1.0);

    private ResizeKernels() {
    }

    /** A resampler from the source region to {@code outputWidth x outputHeight}, scaling by the size ratio. */
    public static Resampler plan(Interpolation mode, boolean antialias, int x, int y, int width, int height,
            int outputWidth, int outputHeight) {
        return plan(mode, antialias, x, y, width, height, outputWidth, outputHeight,
                (double) outputWidth / width, (double) outputHeight / height);
    }

    /**
     * A resampler from the source region {@code (x, y, width, height)} to an output of the given size,
     * where OpenCV maps coordinates with the factors {@code inverseScaleX/Y} (output over input; they
     * differ from the size ratio only for {@code cv2.resize(fx=, fy=)}).
     */
    public static Resampler plan(Interpolation mode, boolean antialias, int x, int y, int width, int height,
            int outputWidth, int outputHeight, double inverseScaleX, double inverseScaleY) {
        if (antialias && (mode == Interpolation.BILINEAR || mode == Interpolation.BICUBIC)) {
            boolean bicubic = mode == Interpolation.BICUBIC;
            return new FloatResampler(torchAxis(x, width, outputWidth, bicubic), torchAxis(y, height, outputHeight, bicubic),
                    true);
        }
        if (mode == Interpolation.NEAREST) {
            return new NearestResampler(AxisTables.nearest(x, width, outputWidth, inverseScaleX),
                    AxisTables.nearest(y, height, outputHeight, inverseScaleY));
        }
        double scaleX = 1.0 / inverseScaleX;
        double scaleY = 1.0 / inverseScaleY;
        int factorX = (int) Math.rint(scaleX);
        int factorY = (int) Math.rint(scaleY);
        boolean wholeFactors = Math.abs(scaleX - factorX) < DBL_EPSILON && Math.abs(scaleY - factorY) < DBL_EPSILON;
        Interpolation effective = mode == Interpolation.BILINEAR && wholeFactors && factorX == 2 && factorY == 2
                ? Interpolation.AREA : mode;
        if (effective == Interpolation.AREA && scaleX >= 1 && scaleY >= 1) {
            if (wholeFactors) {
                return new AreaFastResampler(x, y, width, height, factorX, factorY, outputWidth, outputHeight);
            }
            return new FloatResampler(AxisTables.openCvArea(x, width, outputWidth, scaleX),
                    AxisTables.openCvArea(y, height, outputHeight, scaleY), false);
        }
        if (effective == Interpolation.BICUBIC) {
            return new FixedPointResampler(AxisTables.openCvCubic(x, width, outputWidth, inverseScaleX),
                    AxisTables.openCvCubic(y, height, outputHeight, inverseScaleY));
        }
        boolean areaMode = effective == Interpolation.AREA;
        return new FixedPointResampler(
                AxisTables.openCvLinear(x, width, outputWidth, inverseScaleX, areaMode, true),
                AxisTables.openCvLinear(y, height, outputHeight, inverseScaleY, areaMode, false));
    }

    private static AxisTable torchAxis(int origin, int size, int outputSize, boolean bicubic) {
        if (size == outputSize) {
            // PyTorch's weights are exactly 1 and 0 here; skipping the pass gives the same values.
            return AxisTables.identity(origin, size);
        }
        return AxisTables.torchAntialiased(origin, size, outputSize, bicubic);
    }
}
