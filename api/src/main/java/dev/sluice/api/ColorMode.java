package dev.sluice.api;

/** The channels a decoder produces, as OpenCV's {@code IMREAD_COLOR}, {@code IMREAD_GRAYSCALE} and {@code IMREAD_UNCHANGED}. */
public enum ColorMode {
    /** Three channels, RGB; grey images expanded, alpha dropped. */
    RGB,
    /** One channel; colour converted with the ITU-R BT.601 weights OpenCV uses (0.299 R + 0.587 G + 0.114 B). */
    GRAY,
    /** The channels as stored: 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA). */
    UNCHANGED
}
