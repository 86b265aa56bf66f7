package dev.sluice.plugins.transforms;

import dev.sluice.api.Image;
import dev.sluice.api.Transform;
import java.util.OptionalInt;

/**
 * A transform of this pack from an image to an image, which says so once for all of them, and which
 * keeps the channel count unless it says otherwise ({@code grayscale}).
 */
public interface ImageTransform extends Transform<Image, Image> {

    @Override
    default Class<?> inputType() {
        return Image.class;
    }

    @Override
    default Class<?> outputType() {
        return Image.class;
    }

    /** The count it gets, known or not: the pack's image transforms keep the channels. */
    @Override
    default OptionalInt outputChannels(OptionalInt input) {
        return input;
    }
}
