package dev.sluice.api;

import java.util.OptionalInt;

/** The channels a decoder produces, as OpenCV's {@code IMREAD_COLOR}, {@code IMREAD_GRAYSCALE} and {@code IMREAD_UNCHANGED}. */
public enum ColorMode {
    /** Three channels, RGB; grey images expanded, alpha dropped. */
    RGB,
    /** One channel; colour converted with the ITU-R BT.601 weights OpenCV uses (0.299 R + 0.587 G + 0.114 B). */
    GRAY,
    /** The channels as stored: 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA). */
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
