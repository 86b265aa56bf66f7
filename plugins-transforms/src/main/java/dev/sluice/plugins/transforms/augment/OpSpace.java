package dev.sluice.plugins.transforms.augment;

import java.util.ArrayList;
import java.util.List;

/**
 * One family's {@code _augmentation_space}: its ops in torchvision's order (a uniform draw picks one
 * by index, so the order is part of the distribution), each with its magnitude bins (none for the
 * ops without a magnitude) and whether a draw may negate it.
 */
final class OpSpace {

    /** One op of the space. {@code bins} is null when the op has no magnitude. */
    record Entry(AugmentOp op, float[] bins, boolean signed) {
    }

    private final List<Entry> entries;

    private OpSpace(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    Entry get(int index) {
        return entries.get(index);
    }

    /** The entry of {@code op}; the policies of AutoAugment name their ops. */
    Entry of(AugmentOp op) {
        for (Entry entry : entries) {
            if (entry.op() == op) {
                return entry;
            }
        }
        throw new IllegalArgumentException(op.torchName() + " is not in this space");
    }

    /** AutoAugment's and RandAugment's space: translate up to 150/331 of the side; RandAugment adds Identity first and drops Invert. */
    static OpSpace autoAugment(boolean randAugment, int bins, int width, int height) {
        List<Entry> e = new ArrayList<>();
        if (randAugment) {
            e.add(new Entry(AugmentOp.IDENTITY, null, false));
        }
        addGeometric(e, bins, 0.3, 150.0 / 331.0 * width, 150.0 / 331.0 * height, 30.0);
        addColour(e, bins, 0.9);
        e.add(new Entry(AugmentOp.POSTERIZE, MagnitudeBins.posterizeBits(8, 4, bins), false));
        e.add(new Entry(AugmentOp.SOLARIZE, MagnitudeBins.linspace(255.0, 0.0, bins), false));
        e.add(new Entry(AugmentOp.AUTO_CONTRAST, null, false));
        e.add(new Entry(AugmentOp.EQUALIZE, null, false));
        if (!randAugment) {
            e.add(new Entry(AugmentOp.INVERT, null, false));
        }
        return new OpSpace(e);
    }

    /** TrivialAugmentWide's space: wider ranges, independent of the image size. */
    static OpSpace trivialAugmentWide(int bins) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry(AugmentOp.IDENTITY, null, false));
        addGeometric(e, bins, 0.99, 32.0, 32.0, 135.0);
        addColour(e, bins, 0.99);
        e.add(new Entry(AugmentOp.POSTERIZE, MagnitudeBins.posterizeBits(8, 6, bins), false));
        e.add(new Entry(AugmentOp.SOLARIZE, MagnitudeBins.linspace(255.0, 0.0, bins), false));
        e.add(new Entry(AugmentOp.AUTO_CONTRAST, null, false));
        e.add(new Entry(AugmentOp.EQUALIZE, null, false));
        return new OpSpace(e);
    }

    /** AugMix's space (10 bins): translate up to a third of the side; the colour ops last, when {@code allOps}. */
    static OpSpace augMix(boolean allOps, int width, int height) {
        int bins = AugMix.PARAMETER_MAX;
        List<Entry> e = new ArrayList<>();
        addGeometric(e, bins, 0.3, width / 3.0, height / 3.0, 30.0);
        e.add(new Entry(AugmentOp.POSTERIZE, MagnitudeBins.posterizeBits(4, 4, bins), false));
        e.add(new Entry(AugmentOp.SOLARIZE, MagnitudeBins.linspace(255.0, 0.0, bins), false));
        e.add(new Entry(AugmentOp.AUTO_CONTRAST, null, false));
        e.add(new Entry(AugmentOp.EQUALIZE, null, false));
        if (allOps) {
            addColour(e, bins, 0.9);
        }
        return new OpSpace(e);
    }

    private static void addGeometric(List<Entry> e, int bins, double shear, double translateX, double translateY,
            double rotate) {
        e.add(new Entry(AugmentOp.SHEAR_X, MagnitudeBins.linspace(0, shear, bins), true));
        e.add(new Entry(AugmentOp.SHEAR_Y, MagnitudeBins.linspace(0, shear, bins), true));
        e.add(new Entry(AugmentOp.TRANSLATE_X, MagnitudeBins.linspace(0, translateX, bins), true));
        e.add(new Entry(AugmentOp.TRANSLATE_Y, MagnitudeBins.linspace(0, translateY, bins), true));
        e.add(new Entry(AugmentOp.ROTATE, MagnitudeBins.linspace(0, rotate, bins), true));
    }

    private static void addColour(List<Entry> e, int bins, double most) {
        for (AugmentOp op : new AugmentOp[] {AugmentOp.BRIGHTNESS, AugmentOp.COLOR, AugmentOp.CONTRAST, AugmentOp.SHARPNESS}) {
            e.add(new Entry(op, MagnitudeBins.linspace(0, most, bins), true));
        }
    }
}
