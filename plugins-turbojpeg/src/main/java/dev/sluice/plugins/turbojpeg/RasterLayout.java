package dev.sluice.plugins.turbojpeg;

/** How a native decoder left its pixels in memory. */
enum RasterLayout {
    /** TurboJPEG's TJPF_RGB: three bytes per pixel, R, G, B. */
    RGB(3),
    /** TurboJPEG's TJPF_GRAY: one byte per pixel. */
    GRAY(1),
    /** TurboJPEG's TJPF_CMYK: four bytes per pixel as stored, which for Adobe files means inverted. */
    CMYK(4),
    /** A 32-bit Leptonica PIX: one word per pixel, {@code R << 24 | G << 16 | B << 8}, in native byte order. */
    PIX_RGB(4),
    /** An 8-bit Leptonica PIX: four pixels per word, the leftmost in the most significant byte. */
    PIX_GRAY(1);

    private final int bytesPerPixel;

    RasterLayout(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** Whether the source holds one channel, so that {@code UNCHANGED} gives grey. */
    boolean grey() {
        return this == GRAY || this == PIX_GRAY;
    }
}
