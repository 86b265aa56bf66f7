package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Image;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.UnsupportedTargetsException;
import dev.sluice.plugins.transforms.ImageTransform;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * What the AutoAugment family shares: images of 1 or 3 channels only, as torchvision asserts, with a
 * fill that fits them; and no targets, as torchvision v2's family accepts a single image and raises
 * for boxes, masks and key points.
 */
abstract class AutoAugmentFamily implements ImageTransform {
    private final String id;

    AutoAugmentFamily(String id) {
        this.id = id;
    }

    /** How the geometric ops sample, for the checks here. */
    abstract Sampling sampling();

    /** @throws IllegalArgumentException unless the image has 1 or 3 channels and the fill fits them */
    final void check(Image image) {
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException(id + " takes images of 1 or 3 channels, this one has "
                    + image.channels() + " (" + image + ")");
        }
        sampling().check(image.channels());
    }

    /**
     * The count it gets, when 1 or 3 and the fill fits it.
     *
     * @throws IllegalArgumentException for another count, or a per-channel fill of another length
     */
    @Override
    public final OptionalInt outputChannels(OptionalInt input) {
        if (input.isPresent()) {
            int channels = input.getAsInt();
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException(id + " takes images of 1 or 3 channels");
            }
            sampling().check(channels);
        }
        return input;
    }

    /**
     * The image alone, as {@link #apply}; a sample with targets is refused, because the family's
     * shears, translations and rotations would move them and torchvision v2 does not say how (it
     * refuses them too).
     *
     * @throws UnsupportedTargetsException naming the transform when the sample has targets
     */
    @Override
    public final Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        if (input.hasTargets()) {
            throw new UnsupportedTargetsException(id + " cannot move boxes, masks or key points: like torchvision v2's "
                    + "AutoAugment family it takes an image alone, so a sample with targets is refused; put it in a "
                    + "pipeline for samples without targets, or use random_affine and color_jitter, which move them");
        }
        return Targeted.of(apply(input.value(), random));
    }
}
