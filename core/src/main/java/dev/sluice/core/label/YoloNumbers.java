package dev.sluice.core.label;

import java.util.regex.Pattern;

/** The numbers of a YOLO label line, read as numpy reads them into Ultralytics' float32 arrays. */
final class YoloNumbers {
    /** A decimal as numpy reads one; Java's own parser would also take {@code 1f}, {@code 0x1p0}, {@code NaN}. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private YoloNumbers() {
    }

    /** The class as a non-negative integer (Ultralytics reads it as a number: {@code 3.0} is 3), or -1. */
    static long classIndex(String text) {
        try {
            long value = Long.parseLong(text);
            return value >= 0 ? value : -1;
        } catch (NumberFormatException e) {
            if (!DECIMAL.matcher(text).matches()) {
                return -1;
            }
            double value = Double.parseDouble(text);
            return value >= 0 && value <= 1L << 53 && value == Math.rint(value) ? (long) value : -1;
        }
    }

    /** A finite decimal as float32, or NaN. */
    static float number(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return Float.NaN;
        }
        float value = Float.parseFloat(text);
        return Float.isFinite(value) ? value : Float.NaN;
    }
}
