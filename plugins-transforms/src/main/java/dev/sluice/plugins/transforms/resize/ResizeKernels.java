package dev.sluice.plugins.transforms.resize;

import dev.sluice.plugins.transforms.Raster;

/**
 * Chooses and builds the resampler for a resize, following the library each setting must match:
 * antialiased bilinear and bicubic are PyTorch's (what torchvision's {@code resize(antialias=True)}
 * runs, and within one level of PIL); everything else is OpenCV's {@code cv::resize} (on 8-bit images
 * its fixed-point kernels; on 16-bit ones {@link #resizeWide}, in float),
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
        Kernel kernel = choose(mode, antialias, inverseScaleX, inverseScaleY);
        return switch (kernel) {
            case TORCH_BILINEAR, TORCH_BICUBIC -> {
                boolean bicubic = kernel == Kernel.TORCH_BICUBIC;
                yield new FloatResampler(torchAxis(x, width, outputWidth, bicubic), torchAxis(y, height, outputHeight, bicubic),
                        true);
            }
            case NEAREST -> new NearestResampler(AxisTables.nearest(x, width, outputWidth, inverseScaleX),
                    AxisTables.nearest(y, height, outputHeight, inverseScaleY));
            case AREA_FAST -> new AreaFastResampler(x, y, width, height, (int) Math.rint(1.0 / inverseScaleX),
                    (int) Math.rint(1.0 / inverseScaleY), outputWidth, outputHeight);
            case AREA -> new FloatResampler(AxisTables.openCvArea(x, width, outputWidth, 1.0 / inverseScaleX),
                    AxisTables.openCvArea(y, height, outputHeight, 1.0 / inverseScaleY), false);
            case CUBIC -> new FixedPointResampler(AxisTables.openCvCubic(x, width, outputWidth, inverseScaleX, false),
                    AxisTables.openCvCubic(y, height, outputHeight, inverseScaleY, false));
            case LINEAR, AREA_ENLARGING -> new FixedPointResampler(
                    AxisTables.openCvLinear(x, width, outputWidth, inverseScaleX, kernel == Kernel.AREA_ENLARGING, true, false),
                    AxisTables.openCvLinear(y, height, outputHeight, inverseScaleY, kernel == Kernel.AREA_ENLARGING, false, false));
        };
    }

    /**
     * {@link #plan} for a 16-bit source: the same kernel and coordinates, computed in float with float
     * weights, as OpenCV and torchvision resize 16-bit images ({@link WideResampler}); OpenCV's whole
     * factor area path is the area average of its general path.
     *
     * @param source the whole 16-bit image; the region lies inside it
     * @return a new 16-bit raster of {@code outputWidth x outputHeight}
     */
    public static Raster resizeWide(Raster source, Interpolation mode, boolean antialias, int x, int y, int width,
            int height, int outputWidth, int outputHeight, double inverseScaleX, double inverseScaleY) {
        Kernel kernel = choose(mode, antialias, inverseScaleX, inverseScaleY);
        AxisTable columns;
        AxisTable rows;
        switch (kernel) {
            case TORCH_BILINEAR, TORCH_BICUBIC -> {
                boolean bicubic = kernel == Kernel.TORCH_BICUBIC;
                columns = torchAxis(x, width, outputWidth, bicubic);
                rows = torchAxis(y, height, outputHeight, bicubic);
            }
            case NEAREST -> {
                columns = AxisTables.nearest(x, width, outputWidth, inverseScaleX);
                rows = AxisTables.nearest(y, height, outputHeight, inverseScaleY);
            }
            case AREA_FAST, AREA -> {
                columns = AxisTables.openCvArea(x, width, outputWidth, 1.0 / inverseScaleX);
                rows = AxisTables.openCvArea(y, height, outputHeight, 1.0 / inverseScaleY);
            }
            case CUBIC -> {
                columns = AxisTables.openCvCubic(x, width, outputWidth, inverseScaleX, true);
                rows = AxisTables.openCvCubic(y, height, outputHeight, inverseScaleY, true);
            }
            default -> {
                boolean area = kernel == Kernel.AREA_ENLARGING;
                columns = AxisTables.openCvLinear(x, width, outputWidth, inverseScaleX, area, true, true);
                rows = AxisTables.openCvLinear(y, height, outputHeight, inverseScaleY, area, false, true);
            }
        }
        return new WideResampler(columns, rows).resample(source);
    }

    /** {@link #resizeWide} scaling by the size ratio. */
    public static Raster resizeWide(Raster source, Interpolation mode, boolean antialias, int x, int y, int width,
            int height, int outputWidth, int outputHeight) {
        return resizeWide(source, mode, antialias, x, y, width, height, outputWidth, outputHeight,
                (double) outputWidth / width, (double) outputHeight / height);
    }

    /** The kernels, as the libraries choose them. */
    private enum Kernel { TORCH_BILINEAR, TORCH_BICUBIC, NEAREST, AREA_FAST, AREA, CUBIC, LINEAR, AREA_ENLARGING }

    /**
     * PyTorch's antialiased kernels for antialiased bilinear and bicubic; otherwise OpenCV's choice:
     * INTER_AREA for an exact halving with INTER_LINEAR, the fast area path for whole shrink factors,
     * and INTER_AREA's bilinear emulation when it enlarges.
     */
    private static Kernel choose(Interpolation mode, boolean antialias, double inverseScaleX, double inverseScaleY) {
        if (antialias && (mode == Interpolation.BILINEAR || mode == Interpolation.BICUBIC)) {
            return mode == Interpolation.BICUBIC ? Kernel.TORCH_BICUBIC : Kernel.TORCH_BILINEAR;
        }
        if (mode == Interpolation.NEAREST) {
            return Kernel.NEAREST;
        }
        double scaleX = 1.0 / inverseScaleX;
        double scaleY = 1.0 / inverseScaleY;
        int factorX = (int) Math.rint(scaleX);
        int factorY = (int) Math.rint(scaleY);
        boolean wholeFactors = Math.abs(scaleX - factorX) < DBL_EPSILON && Math.abs(scaleY - factorY) < DBL_EPSILON;
        Interpolation effective = mode == Interpolation.BILINEAR && wholeFactors && factorX == 2 && factorY == 2
                ? Interpolation.AREA : mode;
        if (effective == Interpolation.AREA && scaleX >= 1 && scaleY >= 1) {
            return wholeFactors ? Kernel.AREA_FAST : Kernel.AREA;
        }
        if (effective == Interpolation.BICUBIC) {
            return Kernel.CUBIC;
        }
        return effective == Interpolation.AREA ? Kernel.AREA_ENLARGING : Kernel.LINEAR;
    }

    private static AxisTable torchAxis(int origin, int size, int outputSize, boolean bicubic) {
        if (size == outputSize) {
            // PyTorch's weights are exactly 1 and 0 here; skipping the pass gives the same values.
            return AxisTables.identity(origin, size);
        }
        return RecentAxisTables.torchAntialiased(origin, size, outputSize, bicubic);
    }
}
