package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code random_rotation}: the contract, the angle's distribution, and the rotation by the drawn angle. */
class RandomRotationTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "random_rotation";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[0].random_rotation", Map.of("degrees", 30, "interpolation", "bilinear"));
    }

    @Override
    protected List<Image> sampleInputs() {
        return Samples.allChannelCounts();
    }

    @Override
    protected boolean isDeterministic() {
        return false;
    }

    @Test
    void angleIsUniformInTheRange() {
        RandomRotation rotation = (RandomRotation) Samples.<Image, Image>create(new RandomRotationProvider(), Map.of("degrees", List.of(-10, 25)));
        double[] angles = new double[10_000];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < angles.length; i++) {
            angles[i] = rotation.angle(random);
        }
        Distributions.assertUniform(angles, -10, 25, "rotation angle");
    }

    @Test
    void outputIsTheRotationByTheDrawnAngle() {
        Transform<Image, Image> transform = Samples.create(new RandomRotationProvider(),
                Map.of("degrees", 45, "expand", true, "fill", 7));
        RandomRotation rotation = (RandomRotation) transform;
        for (Image image : Samples.photos()) {
            for (long seed = 0; seed < 5; seed++) {
                double angle = rotation.angle(new SplittableRandom(seed));
                assertEquals(rotation.rotate(image, angle), transform.apply(image, new SplittableRandom(seed)));
            }
        }
    }

    @Test
    void quarterTurnOfASquareMovesTheCorners() {
        RandomRotation rotation = (RandomRotation) Samples.<Image, Image>create(new RandomRotationProvider(), Map.of("degrees", 0));
        Image square = Image.wrap(2, 2, 1, new byte[] {1, 2, 3, 4});
        Image turned = rotation.rotate(square, 90);
        // Counter-clockwise: the top-right pixel goes to the top-left.
        assertEquals(List.of(2, 4, 1, 3), List.of(turned.get(0, 0, 0), turned.get(1, 0, 0), turned.get(0, 1, 0), turned.get(1, 1, 0)));
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        assertEquals("transforms[0].random_rotation.degrees", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomRotationProvider(), Map.of("degrees", -5))).keyPath());
        assertEquals("transforms[0].random_rotation.degrees", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomRotationProvider(), Map.of())).keyPath());
        assertEquals("transforms[0].random_rotation.interpolation", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomRotationProvider(), Map.of("degrees", 5, "interpolation", "bicubic"))).keyPath());
        assertEquals("transforms[0].random_rotation.center", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomRotationProvider(), Map.of("degrees", 5, "center", List.of(1)))).keyPath());
    }
}
