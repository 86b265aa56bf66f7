package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Image;

/** What the AutoAugment family checks of every image: 1 or 3 channels, as torchvision asserts, and a fill that fits. */
final class Augmentations {
    private Augmentations() {
    }

    /** @throws IllegalArgumentException unless the image has 1 or 3 channels and the fill fits them */
    static void check(Image image, String id, Sampling sampling) {
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException(id + " takes images of 1 or 3 channels, this one has "
                    + image.channels() + " (" + image + ")");
        }
        sampling.check(image.channels());
    }
}
