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
}
