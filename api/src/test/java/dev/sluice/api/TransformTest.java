package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransformTest {

    @Test
    void andThenAppliesThisTransformFirst() {
        Transform<String, String> a = (text, random) -> text + "a";
        Transform<String, Integer> length = (text, random) -> text.length() * 10;
        assertEquals(10, a.andThen(length).apply("", new SplittableRandom(1)));
        assertEquals("ab", a.andThen((text, random) -> text + "b").apply("", new SplittableRandom(1)));
    }

    @Test
    void andThenDrawsFromTheSameRandomSourceInOrder() {
        Transform<List<Integer>, List<Integer>> draw = (drawn, random) -> append(drawn, random.nextInt(1000));
        List<Integer> chained = draw.andThen(draw).apply(List.of(), new SplittableRandom(42));
        SplittableRandom expected = new SplittableRandom(42);
        assertEquals(List.of(expected.nextInt(1000), expected.nextInt(1000)), chained);
    }

    private static List<Integer> append(List<Integer> list, int value) {
        List<Integer> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }

    @Test
    void andThenRefusesNull() {
        Transform<Object, Object> identity = Transform.identity();
        assertEquals("next", assertThrows(NullPointerException.class, () -> identity.andThen(null)).getMessage());
    }

    @Test
    void identityReturnsItsInput() {
        Object input = new Object();
        assertSame(input, Transform.identity().apply(input, new SplittableRandom(3)));
    }

    /** Allows 4 whatever comes after it, as a resize to a fixed size would. */
    private static final Transform<String, String> SIZES = new Transform<>() {
        @Override
        public String apply(String input, java.util.random.RandomGenerator random) {
            return input;
        }

        @Override
        public ReduceLimit reduceLimit(ReduceLimit next) {
            return (width, height) -> 4;
        }
    };

    /** Keeps the size, as a flip would: allows what comes after it. */
    private static final Transform<String, String> KEEPS_SIZE = new Transform<>() {
        @Override
        public String apply(String input, java.util.random.RandomGenerator random) {
            return input;
        }

        @Override
        public ReduceLimit reduceLimit(ReduceLimit next) {
            return next;
        }
    };

    @Test
    void aTransformAllowsNoReductionUnlessItSaysSo() {
        Transform<String, String> plain = (text, random) -> text;
        assertSame(ReduceLimit.NONE, plain.reduceLimit((width, height) -> 8));
        assertEquals(1, ReduceLimit.NONE.largestReduce(4000, 3000));
    }

    @Test
    void andThenTakesTheFirstStepsLimitGivenWhatTheRestAllow() {
        Transform<String, String> plain = (text, random) -> text;
        assertEquals(4, KEEPS_SIZE.andThen(SIZES).reduceLimit(ReduceLimit.NONE).largestReduce(100, 100));
        assertEquals(4, SIZES.andThen(plain).reduceLimit(ReduceLimit.NONE).largestReduce(100, 100));
        assertEquals(1, plain.andThen(SIZES).reduceLimit(ReduceLimit.NONE).largestReduce(100, 100),
                "a step that needs the full size before the resize");
        assertEquals(1, KEEPS_SIZE.andThen(KEEPS_SIZE).reduceLimit(ReduceLimit.NONE).largestReduce(100, 100),
                "nothing sets the size: nothing may be reduced");
        assertEquals(4, Transform.<String>identity().andThen(KEEPS_SIZE).andThen(SIZES).reduceLimit(ReduceLimit.NONE)
                .largestReduce(100, 100), "identity passes the limit on");
    }

    @Test
    void minAllowsWhatBothLimitsAllow() {
        ReduceLimit wide = (width, height) -> width >= 1000 ? 8 : 2;
        ReduceLimit four = (width, height) -> 4;
        assertEquals(4, wide.min(four).largestReduce(2000, 10));
        assertEquals(2, wide.min(four).largestReduce(500, 10));
        assertEquals(1, four.min(ReduceLimit.NONE).largestReduce(2000, 10));
    }
}
