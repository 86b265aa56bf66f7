package dev.sluice.api;

import java.util.OptionalInt;

/**
 * The channels and depth a decoder produces, as OpenCV's {@code IMREAD_COLOR},
 * {@code IMREAD_GRAYSCALE} and {@code IMREAD_UNCHANGED}: {@link #RGB} and {@link #GRAY} give 8-bit
 * samples, narrowing 16-bit ones to 8 bits (their high byte, a level either way where a codec
 * rounds); {@link #UNCHANGED} keeps the 16-bit samples of PNG and TIFF files as {@link DType#UINT16}
 * ({@link Image#dtype()}) and gives 8-bit samples for everything else.
 */
public enum ColorMode {
    /** Three 8-bit channels, RGB; grey images expanded, alpha dropped. */
    RGB,
    /** One 8-bit channel; colour converted with the ITU-R BT.601 weights OpenCV uses (0.299 R + 0.587 G + 0.114 B). */
    GRAY,
    /**
     * The channels as stored: 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA); uint16 samples for a
     * 16-bit PNG or TIFF, uint8 otherwise.
     */
    UNCHANGED;

    /**
     * The channels of every image decoded in this mode: 3 for {@link #RGB}, 1 for {@link #GRAY},
     * empty (unknown, it depends on each file) for {@link #UNCHANGED}; what a pipeline's channel
     * check starts from ({@link Transform#outputChannels}).
     */
    public OptionalInt channels() {
        return switch (this) {
            case RGB -> OptionalInt.of(3);
            case GRAY -> OptionalInt.of(1);
            case UNCHANGED -> OptionalInt.empty();
        };
    }
}
