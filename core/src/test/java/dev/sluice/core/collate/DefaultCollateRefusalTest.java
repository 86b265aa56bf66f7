package dev.sluice.core.collate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultCollateRefusalTest {
    private static final String UNSUPPORTED =
            "default_collate: batch must contain tensors, images, numbers, arrays, maps, lists or records; found ";

    private record Point(int x, int y) {
    }

    private record Size(int x, int y) {
    }

    private static String refusal(Object... samples) {
        return assertThrows(IllegalArgumentException.class,
                () -> DefaultCollate.instance().collate(Arrays.asList(samples), TensorAllocator.heap())).getMessage();
    }

    private static Map<String, Object> map(String key, Object value, String otherKey, Object otherValue) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        map.put(otherKey, otherValue);
        return map;
    }

    @Test
    void unequalTensorsAreRefusedWithPyTorchsMessage() {
        assertEquals("stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1",
                refusal(Tensor.ofFloats(new int[] {2}, 1, 2), Tensor.ofFloats(new int[] {3}, 1, 2, 3)));
    }

    @Test
    void unequalTensorsNameTheFirstEntryThatDiffers() {
        Tensor square = Tensor.ofFloats(new int[] {2, 2}, 1, 2, 3, 4);
        assertEquals("stack expects each tensor to be equal size, but got [2, 2] at entry 0 and [4] at entry 2",
                refusal(square, square, Tensor.ofFloats(new int[] {4}, 1, 2, 3, 4)));
    }

    @Test
    void tensorsOfAnotherDtypeAreRefused() {
        assertEquals("stack expects each tensor to have the same dtype, but got float32 at entry 0 and int64 at entry 1",
                refusal(Tensor.ofFloats(new int[] {1}, 1), Tensor.ofLongs(new int[] {1}, 1)));
    }

    @Test
    void imagesOfAnotherSizeAreRefusedNamingTheEntry() {
        assertEquals("stack expects each image to be equal size, but got Image[2x1x1] at entry 0 and Image[1x2x1] at entry 1",
                refusal(Image.wrap(2, 1, 1, new byte[2]), Image.wrap(1, 2, 1, new byte[2])));
    }

    @Test
    void nullIsRefusedNamingItsEntry() {
        assertEquals(UNSUPPORTED + "null at entry 0", refusal((Object) null));
        assertEquals(UNSUPPORTED + "null at entry 2", refusal(1, 2, null));
    }

    @Test
    void unsupportedTypesAreNamed() {
        assertEquals(UNSUPPORTED + "java.lang.Object at entry 0", refusal(new Object()));
        assertEquals(UNSUPPORTED + "java.lang.String[] at entry 0", refusal((Object) new String[] {"a"}));
        assertEquals(UNSUPPORTED + "java.math.BigDecimal at entry 1", refusal(1.5, java.math.BigDecimal.ONE));
    }

    @Test
    void mixedKindsAreRefusedNamingTheEntry() {
        assertEquals("default_collate: entry 2 is a java.lang.Double but entry 0 is a java.lang.Float;"
                + " the samples of a batch must be of one kind", refusal(1f, 2f, 3.0));
        assertEquals("default_collate: entry 1 is a java.lang.String but entry 0 is a java.lang.Integer;"
                + " the samples of a batch must be of one kind", refusal(1, "b"));
    }

    @Test
    void recordsOfDifferentClassesAreRefused() {
        String message = refusal(new Point(1, 2), new Size(1, 2));
        assertTrue(message.startsWith("default_collate: entry 1 is a "), message);
        assertTrue(message.contains("Size but entry 0 is a "), message);
    }

    @Test
    void arraysOfUnequalLengthNameTheEntryAndBothLengths() {
        assertEquals("default_collate: arrays of unequal length: 3 at entry 0 and 4 at entry 2",
                refusal(new int[3], new int[3], new int[4]));
    }

    @Test
    void arraysOfDifferentElementTypesAreRefused() {
        assertEquals("default_collate: entry 1 is a long[] but entry 0 is a int[];"
                + " the samples of a batch must be of one kind", refusal(new int[1], new long[1]));
    }

    @Test
    void aMapWithoutAKeyIsRefusedNamingTheSampleAndTheKey() {
        assertEquals("default_collate: entry 1 has no key 'b', which entry 0 has; the maps of a batch must have"
                + " the same keys", refusal(map("a", 1, "b", 2), Map.of("a", 1)));
    }

    @Test
    void aMapWithAnExtraKeyIsRefusedNamingTheSampleAndTheKey() {
        assertEquals("default_collate: entry 1 has the key 'c', which entry 0 lacks; the maps of a batch must have"
                + " the same keys", refusal(Map.of("a", 1), map("a", 1, "c", 2)));
    }

    @Test
    void listsOfUnequalSizeAreRefusedNamingTheSample() {
        assertEquals("default_collate: each element in list of batch should be of equal size, but entry 0 has 2"
                + " elements and entry 1 has 3", refusal(List.of(1, 2), List.of(1, 2, 3)));
    }

    @Test
    void aRefusalInsideASampleSaysWhereInside() {
        assertEquals(UNSUPPORTED + "null at entry 1 (in ['b'][1])",
                refusal(Map.of("b", List.of(1, "x")), Map.of("b", Arrays.asList(2, null))));
        assertEquals("default_collate: arrays of unequal length: 1 at entry 0 and 2 at entry 1 (in .x['v'])",
                refusal(new Wrapper(Map.of("v", new float[1])), new Wrapper(Map.of("v", new float[2]))));
    }

    private record Wrapper(Map<String, float[]> x) {
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DefaultCollate.instance().collate(List.of(), TensorAllocator.heap()));
    }

    @Test
    void aRefusalHalfWayGivesBackTheMemoryAlreadyTaken() {
        RecordingAllocator allocator = new RecordingAllocator();

        assertThrows(IllegalArgumentException.class, () -> DefaultCollate.instance().collate(
                List.of(map("a", 1, "b", new float[1]), map("a", 2, "b", new float[2])), allocator));

        assertEquals(1, allocator.allocated.size(), "'a' is stacked before 'b' is refused");
        assertTrue(allocator.everythingCameBack());
    }

    @Test
    void aSuccessfulCollationKeepsItsMemory() {
        RecordingAllocator allocator = new RecordingAllocator();

        DefaultCollate.instance().collate(List.of(map("a", 1, "b", new float[1]), map("a", 2, "b", new float[1])), allocator);

        assertEquals(2, allocator.allocated.size());
        assertTrue(allocator.recycled.isEmpty());
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThrows(NullPointerException.class, () -> DefaultCollate.instance().collate(null, TensorAllocator.heap()));
        assertThrows(NullPointerException.class, () -> DefaultCollate.instance().collate(List.of(1), null));
    }
}
