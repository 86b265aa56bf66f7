package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.ColorMode;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link Transform#outputChannels} and {@link ConfiguredTransform#requireChannels}: counts through a list of steps. */
class ChannelChainTest {
    /** Keeps the count, as a flip does. */
    private static final Transform<Object, Object> KEEPS = new Transform<>() {
        @Override
        public Object apply(Object input, RandomGenerator random) {
            return input;
        }

        @Override
        public OptionalInt outputChannels(OptionalInt input) {
            return input;
        }
    };

    /** Makes one channel of three, and takes nothing else, as a third-party grey conversion might. */
    private static final Transform<Object, Object> RGB_TO_GREY = new Transform<>() {
        @Override
        public Object apply(Object input, RandomGenerator random) {
            return input;
        }

        @Override
        public OptionalInt outputChannels(OptionalInt input) {
            if (input.isPresent() && input.getAsInt() != 3) {
                throw new IllegalArgumentException("takes 3 channels, got " + input.getAsInt());
            }
            return OptionalInt.of(1);
        }
    };

    private static ConfiguredTransform step(int i, String id, Transform<?, ?> transform) {
        return new ConfiguredTransform(id, "transforms[" + i + "]." + id, transform);
    }

    @Test
    void theModesGiveTheirCounts() {
        assertEquals(OptionalInt.of(3), ColorMode.RGB.channels());
        assertEquals(OptionalInt.of(1), ColorMode.GRAY.channels());
        assertEquals(OptionalInt.empty(), ColorMode.UNCHANGED.channels());
    }

    @Test
    void aTransformThatSaysNothingGivesAnUnknownCount() {
        Transform<Object, Object> silent = (input, random) -> input;
        assertEquals(OptionalInt.empty(), silent.outputChannels(OptionalInt.of(3)));
        assertEquals(OptionalInt.of(3), Transform.identity().outputChannels(OptionalInt.of(3)));
        assertEquals(OptionalInt.of(1), KEEPS.andThen(RGB_TO_GREY).outputChannels(OptionalInt.of(3)));
        assertEquals(OptionalInt.of(1), Transform.typed(Object.class, Object.class, RGB_TO_GREY).outputChannels(OptionalInt.empty()));
    }

    @Test
    void countsFollowTheStepsAndUnknownPassesThrough() {
        List<ConfiguredTransform> steps = List.of(step(0, "keeps", KEEPS), step(1, "grey", RGB_TO_GREY), step(2, "keeps", KEEPS));
        assertEquals(OptionalInt.of(1), ConfiguredTransform.requireChannels(steps, OptionalInt.of(3), "the decoder"));
        assertEquals(OptionalInt.of(1), ConfiguredTransform.requireChannels(steps, OptionalInt.empty(), "the decoder"));
        assertEquals(OptionalInt.of(1), ConfiguredTransform.chain(steps).outputChannels(OptionalInt.of(3)));
    }

    @Test
    void aStepsRefusalIsPlacedAtItsKeyPathWithTheCountAndWhereItCameFrom() {
        List<ConfiguredTransform> steps = List.of(step(0, "grey", RGB_TO_GREY), step(1, "grey", RGB_TO_GREY));
        OptionsException first = assertThrows(OptionsException.class,
                () -> ConfiguredTransform.requireChannels(steps, OptionalInt.of(4), "the decoder"));
        assertEquals("transforms[0].grey: grey cannot take the 4 channels the decoder before it gives: takes 3 channels, "
                + "got 4", first.getMessage());
        OptionsException second = assertThrows(OptionsException.class,
                () -> ConfiguredTransform.requireChannels(steps, OptionalInt.of(3), "the decoder"));
        assertEquals("transforms[1].grey: grey cannot take the 1 channel grey before it gives: takes 3 channels, got 1",
                second.getMessage());
    }

    @Test
    void anOptionAtFaultKeepsItsOwnKeyPath() {
        Transform<Object, Object> named = new Transform<>() {
            @Override
            public Object apply(Object input, RandomGenerator random) {
                return input;
            }

            @Override
            public OptionalInt outputChannels(OptionalInt input) {
                throw new OptionsException("transforms[0].paint.colour", "has 2 values for 3 channels");
            }
        };
        assertEquals("transforms[0].paint.colour", assertThrows(OptionsException.class, () -> ConfiguredTransform
                .requireChannels(List.of(step(0, "paint", named)), OptionalInt.of(3), "the decoder")).keyPath());
    }
}
