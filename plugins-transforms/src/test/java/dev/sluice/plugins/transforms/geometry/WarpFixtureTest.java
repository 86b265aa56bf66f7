package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.plugins.transforms.FixtureCases;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.resize.Interpolation;

/**
 * The warp kernel against torchvision 0.14's tensor {@code affine} and {@code perspective} on real
 * photographs, with given parameters: within one level (the fixtures' tolerance).
 */
class WarpFixtureTest {

    @FixtureCases("affine")
    void affineMatchesTorchvision(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        double[] translate = o.getDoubles("translate", null);
        double[] shear = o.getDoubles("shear", null);
        Affine affine = Affine.of(o.getDouble("angle", 0), translate[0], translate[1], o.getDouble("scale", 1),
                shear[0], shear[1]).interpolation(Interpolation.valueOf(o.getString("interpolation", "").toUpperCase()));
        if (o.has("fill")) {
            affine = affine.fill(ints(o.getDoubles("fill", null)));
        }
        if (o.has("center")) {
            double[] center = o.getDoubles("center", null);
            affine = affine.center(center[0], center[1]);
        }
        Fixtures.assertAgrees(c, affine.apply(Fixtures.input(c.input())));
    }

    @FixtureCases("perspective")
    void perspectiveMatchesTorchvision(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        Perspective perspective = Perspective.of(points(o.getDoubles("startpoints", null)),
                points(o.getDoubles("endpoints", null)))
                .interpolation(Interpolation.valueOf(o.getString("interpolation", "").toUpperCase()));
        if (o.has("fill")) {
            perspective = perspective.fill(ints(o.getDoubles("fill", null)));
        }
        Fixtures.assertAgrees(c, perspective.apply(Fixtures.input(c.input())));
    }

    private static int[] ints(double[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }

    private static int[][] points(double[] flat) {
        int[][] points = new int[flat.length / 2][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new int[] {(int) flat[2 * i], (int) flat[2 * i + 1]};
        }
        return points;
    }
}
