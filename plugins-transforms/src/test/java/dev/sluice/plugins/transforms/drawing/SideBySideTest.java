package dev.sluice.plugins.transforms.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code side_by_side}: the contract, unequal heights, grey with colour, and the refusals. */
class SideBySideTest extends ConfiguredTransformContract<List<?>, Image> {

    SideBySideTest() {
        super("side_by_side", Options.of("transforms[0].side_by_side", Map.of("gap", 3, "fill", 40)),
                () -> List.of(List.of(Fixtures.input("grass"), Fixtures.input("dune")),
                List.of(Fixtures.input("flower-grey"), Fixtures.input("grass"))), DETERMINISTIC);
    }

    @Override
    protected List<?> snapshot(List<?> input) {
        List<Image> copy = new ArrayList<>();
        for (Object image : input) {
            Image i = (Image) image;
            copy.add(Image.copyOf(i.width(), i.height(), i.channels(), i.toArray()));
        }
        return copy;
    }

    @Test
    void unequalHeightsAreTopAlignedOverTheFillAndGreyBecomesRgb() {
        Transform<List<?>, Image> join = Samples.create(new SideBySideProvider(), Map.of("gap", 2, "fill", List.of(1, 2, 3)));
        Image grey = Fixtures.input("flower-grey");
        Image grass = Fixtures.input("grass");
        Image out = join.apply(List.of(grass, grey), new SplittableRandom(0));
        assertEquals("Image[" + (35 + 2 + 64) + "x48x3]", out.toString());
        assertEquals(grass.get(34, 26, 2), out.get(34, 26, 2));
        assertEquals(List.of(1, 2, 3), List.of(out.get(10, 30, 0), out.get(10, 30, 1), out.get(10, 30, 2)), "below the shorter image");
        assertEquals(3, out.get(36, 0, 2), "in the gap");
        assertEquals(grey.get(5, 40, 0), out.get(37 + 5, 40, 1));
    }

    @Test
    void emptyListsForeignEntriesAndMixedAlphaAreRefused() {
        Transform<List<?>, Image> join = Samples.create(new SideBySideProvider(), Map.of());
        assertThrows(IllegalArgumentException.class, () -> join.apply(List.of(), new SplittableRandom(0)));
        assertEquals("side_by_side takes a list of Images; entry 1 is java.lang.String", assertThrows(IllegalArgumentException.class,
                () -> join.apply(List.of(Fixtures.input("grass"), "grass"), new SplittableRandom(0))).getMessage());
        assertEquals("cannot put an image of 3 channels (entry 0) beside one of 4", assertThrows(IllegalArgumentException.class,
                () -> join.apply(List.of(Fixtures.input("grass"), TestImages.photo(5, 5, 4)), new SplittableRandom(0))).getMessage());
    }
}
