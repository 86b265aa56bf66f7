package dev.sluice.plugins.transforms.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code random_grayscale}: the contract, the frequency p, the grey image in as many channels as the
 * input (torchvision's formula), grey inputs untouched, targets passed on, and the refusals.
 */
class RandomGrayscaleTest extends ConfiguredTransformContract<Image, Image> {

    RandomGrayscaleTest() {
        super("random_grayscale", Options.of("transforms[0].random_grayscale", Map.of("p", 0.5)), Samples::photos, RANDOM);
    }

    @Test
    void turnsGreyWithProbabilityPKeepingThreeChannels() {
        Transform<Image, Image> transform = Samples.create(new RandomGrayscaleProvider(), Map.of("p", 0.3));
        Image dune = Fixtures.input("dune");
        Image grey = Grayscale.of(3).apply(dune, new SplittableRandom(0));
        long[] counts = new long[2];
        for (long seed = 0; seed < 4000; seed++) {
            Image out = transform.apply(dune, new SplittableRandom(seed));
            if (out == dune) {
                counts[0]++;
            } else {
                assertEquals(grey, out);
                counts[1]++;
            }
        }
        Distributions.assertFrequencies(counts, new double[] {0.7, 0.3}, "grey with p = 0.3");
    }

    @Test
    void theDefaultIsOneInTenAndAGreyImageComesBackAsItIs() {
        Transform<Image, Image> transform = Samples.create(new RandomGrayscaleProvider(), Map.of());
        Image dune = Fixtures.input("dune");
        long[] counts = new long[2];
        for (long seed = 0; seed < 4000; seed++) {
            counts[transform.apply(dune, new SplittableRandom(seed)) == dune ? 0 : 1]++;
        }
        Distributions.assertFrequencies(counts, new double[] {0.9, 0.1}, "grey with the default p");
        Image flower = Fixtures.input("flower-grey");
        assertSame(flower, RandomGrayscale.of(1).apply(flower, new SplittableRandom(0)));
    }

    @Test
    void targetsArePassedOn() {
        Image grass = Fixtures.input("grass");
        Targets boxes = new Targets(Optional.of(BoundingBoxes.of(BoxFormat.XYXY, new CanvasSize(grass.height(), grass.width()),
                new float[] {1, 2, 10, 12}, new long[] {3})), Optional.empty(), Optional.empty());
        RandomGrayscale transform = RandomGrayscale.of(1);
        assertTrue(transform.carriesTargets());
        Targeted<Image> out = transform.applyWithTargets(Targeted.of(grass, boxes), new SplittableRandom(0));
        assertSame(boxes, out.targets());
        assertEquals(Grayscale.of(3).apply(grass, new SplittableRandom(0)), out.value());
    }

    @Test
    void badProbabilitiesAndAlphaImagesAreRefused() {
        assertEquals("transforms[0].random_grayscale.p", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomGrayscaleProvider(), Map.of("p", 1.5))).keyPath());
        assertEquals("random_grayscale takes images of 1 or 3 channels, this one has 2 (Image[5x4x2])",
                assertThrows(IllegalArgumentException.class,
                        () -> RandomGrayscale.of(1).apply(TestImages.photo(5, 4, 2), new SplittableRandom(0))).getMessage());
    }
}
