package dev.sluice.plugins.transforms.augment;

import dev.sluice.plugins.transforms.Raster;

final class Warps {
    private Warps() {
    }

    static Raster apply(AugmentOp op, Raster raster, double magnitude, Sampling sampling) {
        throw new UnsupportedOperationException(op.torchName() + " needs the affine kernel of wt-warp, not merged yet");
    }
}
