package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.KeepsSize;
import dev.sluice.plugins.transforms.Raster;
import java.util.random.RandomGenerator;

/**
 * What {@link RandomHorizontalFlip} and {@link RandomVerticalFlip} share: like torchvision, each call
 * draws one uniform number and flips when it is below {@code p}, so {@code p = 0} and {@code p = 1}
 * still consume one draw.
 */
abstract class RandomFlip implements ImageTransform, KeepsSize<Image, Image> {
    private final String id;
    private final double p;

    RandomFlip(String id, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be a probability in [0, 1], was " + p);
        }
        this.id = id;
        this.p = p;
    }

    /** The image flipped, always. */
    abstract Raster flip(Raster source);

    /** The targets flipped as the image is, always. */
    abstract Targets flip(Targets targets);

    /** The probability of flipping. */
    public double p() {
        return p;
    }

    /** Whether one call flips: one uniform draw from {@code random}, below {@code p}. */
    public boolean draw(RandomGenerator random) {
        return random.nextDouble() < p;
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return draw(random) ? flip(Raster.ofAnyDepth(image)).toImage() : image;
    }

    /** One draw; when it flips, the image and its boxes, mask and key points flipped together. */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        if (!draw(random)) {
            return Targeted.of(input.value(), input.targets());
        }
        return Targeted.of(flip(Raster.of(input.value())).toImage(), flip(input.targets()));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    @Override
    public String toString() {
        return id + "(p=" + p + ")";
    }
}
