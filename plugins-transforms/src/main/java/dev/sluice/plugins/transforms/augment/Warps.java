package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.geometry.Affine;

/**
 * The geometric ops of {@code _apply_op} as the affine maps torchvision 0.14 gives them, run by the
 * pack's affine kernel ({@link Affine}): shears about the top-left corner by the angle
 * {@code atan(m)}, translations by {@code m} truncated to whole pixels, rotations by {@code m} degrees
 * counter-clockwise about the centre.
 */
final class Warps {
    private Warps() {
    }

    static Raster apply(AugmentOp op, Raster raster, double magnitude, Sampling sampling) {
        double shear = Math.toDegrees(Math.atan(magnitude));
        Affine map = switch (op) {
            case SHEAR_X -> Affine.of(0, 0, 0, 1, shear, 0).center(0, 0);
            case SHEAR_Y -> Affine.of(0, 0, 0, 1, 0, shear).center(0, 0);
            case TRANSLATE_X -> Affine.of(0, (int) magnitude, 0, 1, 0, 0);
            case TRANSLATE_Y -> Affine.of(0, 0, (int) magnitude, 1, 0, 0);
            case ROTATE -> Affine.of(-magnitude, 0, 0, 1, 0, 0);
            default -> throw new IllegalArgumentException(op.torchName() + " is not geometric");
        };
        map = map.interpolation(sampling.interpolation());
        int[] fill = sampling.fill();
        if (fill != null) {
            map = map.fill(fill);
        }
        Image moved = map.apply(raster.toImage());
        return Raster.of(moved);
    }
}
