package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code random_affine}: the contract, each drawn parameter's distribution, the map by the drawn parameters, and the refusals. */
class RandomAffineTest extends ConfiguredTransformContract<Image, Image> {

    RandomAffineTest() {
        super("random_affine", Options.of("transforms[0].random_affine", Map.of("degrees", 30, "translate", List.of(0.1, 0.2),
                "scale", List.of(0.8, 1.2), "shear", List.of(-5, 5, -3, 3), "interpolation", "bilinear")),
                Samples::allChannelCounts, RANDOM);
    }

    @Test
    void parametersFollowTorchvisionsDistributions() {
        RandomAffine affine = (RandomAffine) Samples.<Image, Image>create(new RandomAffineProvider(), Map.of("degrees",
                List.of(-10, 25), "translate", List.of(0.1, 0.3), "scale", List.of(0.7, 1.4), "shear", List.of(-4, 6, 1, 9)));
        int n = 10_000;
        double[][] drawn = new double[6][n];
        long[] tx = new long[21];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            double[] p = affine.draw(random, 100, 50).parameters();
            for (int k = 0; k < 6; k++) {
                drawn[k][i] = p[k];
            }
            tx[(int) p[1] + 10]++;
        }
        Distributions.assertUniform(drawn[0], -10, 25, "angle");
        Distributions.assertUniform(drawn[3], 0.7, 1.4, "scale");
        Distributions.assertUniform(drawn[4], -4, 6, "shear x");
        Distributions.assertUniform(drawn[5], 1, 9, "shear y");
        // tx = rint(U(-10, 10)): the ends get half a unit each, the 19 inner values a whole one.
        double[] expected = new double[21];
        for (int v = -10; v <= 10; v++) {
            expected[v + 10] = (Math.abs(v) == 10 ? 0.5 : 1) / 20.0;
        }
        Distributions.assertFrequencies(tx, expected, "tx");
        for (double ty : drawn[2]) {
            assertEquals(Math.rint(ty), ty);
            assertEquals(true, Math.abs(ty) <= 15, "ty within 0.3 * 50");
        }
    }

    @Test
    void aSingleShearIsAlongXOnlyAndUnsetPartsStayIdentity() {
        RandomAffine affine = RandomAffine.of(0).shear(7);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            double[] p = affine.draw(random, 40, 30).parameters();
            assertEquals(0, p[0]);
            assertEquals(0, p[1]);
            assertEquals(0, p[2]);
            assertEquals(1, p[3]);
            assertEquals(true, Math.abs(p[4]) <= 7);
            assertEquals(0, p[5]);
        }
    }

    @Test
    void outputIsTheAffineMapByTheDrawnParameters() {
        Transform<Image, Image> transform = Samples.create(new RandomAffineProvider(),
                Map.of("degrees", 45, "translate", List.of(0.2, 0.2), "scale", List.of(0.5, 1.5), "shear", 20, "fill", 7,
                        "center", List.of(3, 4)));
        RandomAffine random = (RandomAffine) transform;
        for (Image image : Samples.photos()) {
            for (long seed = 0; seed < 5; seed++) {
                Affine drawn = random.draw(new SplittableRandom(seed), image.width(), image.height());
                assertEquals(drawn.apply(image), transform.apply(image, new SplittableRandom(seed)));
            }
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        String at = "transforms[0].random_affine.";
        assertEquals(at + "degrees", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of())).keyPath());
        assertEquals(at + "degrees", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", -1))).keyPath());
        assertEquals(at + "translate", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", 1, "translate", List.of(0.1, 1.5)))).keyPath());
        assertEquals(at + "translate", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", 1, "translate", 0.1))).keyPath());
        assertEquals(at + "scale", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", 1, "scale", List.of(0, 1)))).keyPath());
        assertEquals(at + "shear", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", 1, "shear", List.of(1, 2, 3)))).keyPath());
        assertEquals(at + "shear", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", 1, "shear", List.of(1, 2, 5, 3)))).keyPath());
        assertEquals(at + "interpolation", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", 1, "interpolation", "bicubic"))).keyPath());
        assertEquals(at + "fill", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", 1, "fill", 300))).keyPath());
        assertEquals(at + "center", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomAffineProvider(), Map.of("degrees", 1, "center", List.of(1)))).keyPath());
    }
}
