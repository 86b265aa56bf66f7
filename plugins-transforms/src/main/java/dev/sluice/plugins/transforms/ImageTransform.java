package dev.sluice.plugins.transforms;

import dev.sluice.api.Image;
import dev.sluice.api.Transform;

/** A transform of this pack from an image to an image, which says so once for all of them. */
public interface ImageTransform extends Transform<Image, Image> {

    @Override
    default Class<?> inputType() {
        return Image.class;
    }

    @Override
    default Class<?> outputType() {
        return Image.class;
    }
}
