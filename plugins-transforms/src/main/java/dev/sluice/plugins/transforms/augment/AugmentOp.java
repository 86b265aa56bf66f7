package dev.sluice.plugins.transforms.augment;

import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.colour.Adjustments;

/**
 * The operations of torchvision 0.14's {@code _apply_op}, under its names, each applied to a raster
 * with a signed magnitude: the colour ops through {@link Adjustments}, the geometric ones through
 * {@link Warps}.
 */
enum AugmentOp {
    IDENTITY("Identity"),
    SHEAR_X("ShearX"),
    SHEAR_Y("ShearY"),
    TRANSLATE_X("TranslateX"),
    TRANSLATE_Y("TranslateY"),
    ROTATE("Rotate"),
    BRIGHTNESS("Brightness"),
    COLOR("Color"),
    CONTRAST("Contrast"),
    SHARPNESS("Sharpness"),
    POSTERIZE("Posterize"),
    SOLARIZE("Solarize"),
    AUTO_CONTRAST("AutoContrast"),
    EQUALIZE("Equalize"),
    INVERT("Invert");

    private final String torchName;

    AugmentOp(String torchName) {
        this.torchName = torchName;
    }

    /** torchvision's name, as its policies and {@code _augmentation_space} spell it. */
    String torchName() {
        return torchName;
    }

    /** The op whose torchvision name is {@code name}. */
    static AugmentOp named(String name) {
        for (AugmentOp op : values()) {
            if (op.torchName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("no op named " + name);
    }

    /** Whether it moves pixels (and so would have to move boxes and masks). */
    boolean geometric() {
        return this == SHEAR_X || this == SHEAR_Y || this == TRANSLATE_X || this == TRANSLATE_Y || this == ROTATE;
    }

    /** {@code _apply_op(img, name, magnitude, interpolation, fill)} on a raster of 1 or 3 channels. */
    Raster apply(Raster raster, double magnitude, Sampling sampling) {
        return switch (this) {
            case IDENTITY -> raster;
            case SHEAR_X, SHEAR_Y, TRANSLATE_X, TRANSLATE_Y, ROTATE -> Warps.apply(this, raster, magnitude, sampling);
            case BRIGHTNESS -> Adjustments.brightness(raster, 1.0 + magnitude);
            case COLOR -> Adjustments.saturation(raster, 1.0 + magnitude);
            case CONTRAST -> Adjustments.contrast(raster, 1.0 + magnitude);
            case SHARPNESS -> Adjustments.sharpness(raster, 1.0 + magnitude);
            case POSTERIZE -> Adjustments.posterize(raster, (int) magnitude);
            case SOLARIZE -> Adjustments.solarize(raster, magnitude);
            case AUTO_CONTRAST -> Adjustments.autoContrast(raster);
            case EQUALIZE -> Adjustments.equalize(raster);
            case INVERT -> Adjustments.invert(raster);
        };
    }
}
