package dev.sluice.examples.djl.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.Transform;
import ai.djl.util.RandomUtils;

/**
 * The horizontal flip and colour jitter of {@code train.yaml}, written with DJL's NDArray operations
 * for DJL's own ImageFolder pipeline, because DJL's PyTorch engine does not implement
 * {@code RandomFlipLeftRight} or {@code RandomColorJitter} ("Not implemented"). They draw from DJL's
 * {@link RandomUtils}, as DJL's own random transforms do. The jitter changes brightness, contrast and
 * saturation as torchvision does, in that fixed order, and leaves hue alone: slightly less work than
 * Sluice's, so the comparison does not favour Sluice.
 */
final class DjlAugmentations {
    private DjlAugmentations() {
    }

    /** Mirrors an (H, W, C) image left to right with probability {@code p}. */
    static Transform horizontalFlip(float p) {
        return image -> RandomUtils.nextFloat() < p ? image.flip(1) : image;
    }

    /**
     * Scales brightness, contrast and saturation of an (H, W, 3) image in [0, 255] by factors drawn
     * uniformly from {@code [1 - amount, 1 + amount]}; returns float32, clipped to [0, 255].
     */
    static Transform colorJitter(float brightness, float contrast, float saturation) {
        return image -> {
            NDArray x = image.toType(DataType.FLOAT32, false).mul(factor(brightness)).clip(0, 255);
            float mean = grey(x).mean().getFloat();
            x = x.sub(mean).mul(factor(contrast)).add(mean).clip(0, 255);
            NDArray grey = grey(x).expandDims(2);
            return x.sub(grey).mul(factor(saturation)).add(grey).clip(0, 255);
        };
    }

    private static float factor(float amount) {
        return RandomUtils.nextFloat(1 - amount, 1 + amount);
    }

    /** ITU-R 601 luma, as torchvision's rgb_to_grayscale: (H, W). */
    private static NDArray grey(NDArray rgb) {
        return rgb.get(":, :, 0").mul(0.299f).add(rgb.get(":, :, 1").mul(0.587f)).add(rgb.get(":, :, 2").mul(0.114f));
    }
}
