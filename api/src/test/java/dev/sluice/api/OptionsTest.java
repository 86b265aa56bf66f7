package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {
    private final Options loader = Options.of("loader", Map.of(
            "batch_size", 7, "big", 3_000_000_000L, "text_number", " 12 ", "seven", "seven", "ratio", 1.5,
            "shuffle", true, "drop_last", "false", "mean", List.of(0.5, 1), "single", 2, "bad_list", List.of(1, "x")));

    private static String refusal(Runnable call) {
        return assertThrows(OptionsException.class, call::run).getMessage();
    }

    @Test
    void intOptionsAcceptWholeNumbersAndTheirText() {
        assertEquals(7, loader.getInt("batch_size", 1));
        assertEquals(12, loader.getInt("text_number", 1));
        assertEquals(1, loader.getInt("absent", 1));
        assertEquals(3_000_000_000L, loader.getLong("big", 0));
    }

    @Test
    void intOptionsRefuseOtherValuesNamingKeyPathAndValue() {
        assertEquals("loader.seven: must be a whole number, was 'seven'", refusal(() -> loader.getInt("seven", 1)));
        assertEquals("loader.ratio: must be a whole number, was 1.5", refusal(() -> loader.getInt("ratio", 1)));
        assertEquals("loader.big: must be a whole number within int range, was 3000000000",
                refusal(() -> loader.getInt("big", 1)));
        OptionsException refused = assertThrows(OptionsException.class, () -> loader.getLong("shuffle", 0));
        assertEquals("loader.shuffle", refused.keyPath());
    }

    @Test
    void doubleOptionsAcceptNumbersAndTheirText() {
        assertEquals(1.5, loader.getDouble("ratio", 0));
        assertEquals(7.0, loader.getDouble("batch_size", 0));
        assertEquals(12.0, loader.getDouble("text_number", 0));
        assertEquals(0.25, loader.getDouble("absent", 0.25));
        assertEquals("loader.seven: must be a number, was 'seven'", refusal(() -> loader.getDouble("seven", 0)));
    }

    @Test
    void booleanOptionsAcceptBooleansAndTheirText() {
        assertTrue(loader.getBoolean("shuffle", false));
        assertFalse(loader.getBoolean("drop_last", true));
        assertTrue(loader.getBoolean("absent", true));
        assertEquals("loader.seven: must be true or false, was 'seven'",
                refusal(() -> loader.getBoolean("seven", false)));
        assertEquals("loader.batch_size: must be true or false, was 7",
                refusal(() -> loader.getBoolean("batch_size", false)));
    }

    @Test
    void stringOptionsAcceptTextNumbersAndBooleans() {
        assertEquals("seven", loader.getString("seven", null));
        assertEquals("7", loader.getString("batch_size", null));
        assertEquals("true", loader.requireString("shuffle"));
        assertEquals("fallback", loader.getString("absent", "fallback"));
        assertEquals("loader.mean: must be a string, was [0.5, 1]", refusal(() -> loader.getString("mean", null)));
        assertEquals("loader.name: required option is missing", refusal(() -> loader.requireString("name")));
    }

    @Test
    void numberListsAcceptAListOrASingleNumberAndNameTheBadElement() {
        assertArrayEquals(new double[] {0.5, 1.0}, loader.getDoubles("mean", null));
        assertArrayEquals(new double[] {2.0}, loader.getDoubles("single", null));
        assertArrayEquals(new double[] {9}, loader.getDoubles("absent", new double[] {9}));
        OptionsException refused = assertThrows(OptionsException.class, () -> loader.getDoubles("bad_list", null));
        assertEquals("loader.bad_list[1]", refused.keyPath());
        assertEquals("loader.bad_list[1]: must be a number, was 'x'", refused.getMessage());
    }

    @Test
    void nestedOptionsCarryTheirKeyPathIntoMessages() {
        Options root = Options.of(Map.of("loader", Map.of("sampler", Map.of("seed", "x"))));
        Options sampler = root.getOptions("loader").getOptions("sampler");
        assertEquals("loader.sampler", sampler.path());
        assertEquals("loader.sampler.seed", sampler.keyPath("seed"));
        assertEquals("loader.sampler.seed: must be a whole number, was 'x'", refusal(() -> sampler.getLong("seed", 0)));
        Options absent = root.getOptions("transforms");
        assertEquals("transforms", absent.path());
        assertTrue(absent.keys().isEmpty());
        assertEquals("loader.batch_size: must be a map of options, was 7",
                refusal(() -> loader.getOptions("batch_size")));
    }

    @Test
    void requireOnlyRefusesAnUnknownOptionSuggestingTheClosestKnownOne() {
        Options typo = Options.of("loader", Map.of("batch_szie", 7));
        OptionsException refused = assertThrows(OptionsException.class,
                () -> typo.requireOnly(Set.of("shuffle", "batch_size")));
        assertEquals("loader.batch_szie", refused.keyPath());
        assertEquals("loader.batch_szie: unknown option; known: batch_size, shuffle. Did you mean 'batch_size'?",
                refused.getMessage());
    }

    @Test
    void requireOnlySuggestsNothingWhenNoKnownOptionIsClose() {
        Options unrelated = Options.of(Map.of("colour", "red"));
        assertEquals("colour: unknown option; known: batch_size, shuffle.",
                refusal(() -> unrelated.requireOnly(Set.of("shuffle", "batch_size"))));
        assertDoesNotThrow(() -> loader.requireOnly(loader.keys()));
    }

    @Test
    void optionsAreAReadOnlyCopyInTheGivenOrder() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("b", 1);
        values.put("a", 2);
        Options options = Options.of("x", values);
        values.put("c", 3);
        assertEquals(List.of("b", "a"), List.copyOf(options.keys()));
        assertFalse(options.has("c"));
        assertEquals(2, options.raw("a"));
        assertThrows(UnsupportedOperationException.class, () -> options.asMap().put("d", 4));
    }

    @Test
    void nullNamesAndValuesAreRefused() {
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("size", null);
        assertEquals("value of option 'size'",
                assertThrows(NullPointerException.class, () -> Options.of(nullValue)).getMessage());
        Map<String, Object> nullName = new HashMap<>();
        nullName.put(null, 1);
        assertThrows(NullPointerException.class, () -> Options.of(nullName));
    }

    @Test
    void emptyOptionsHaveNoKeysAndNameKeysWithoutAPath() {
        assertTrue(Options.empty().keys().isEmpty());
        assertEquals("", Options.empty().path());
        assertEquals("size", Options.empty().keyPath("size"));
    }

    @Test
    void equalityNeedsTheSamePathAndValues() {
        assertEquals(Options.of("loader", Map.of("batch_size", 7)), Options.of("loader", Map.of("batch_size", 7)));
        assertEquals(Options.of("loader", Map.of("batch_size", 7)).hashCode(),
                Options.of("loader", Map.of("batch_size", 7)).hashCode());
        assertNotEquals(Options.of("loader", Map.of("batch_size", 7)), Options.of("other", Map.of("batch_size", 7)));
        assertNotEquals(Options.of("loader", Map.of("batch_size", 7)), Options.of("loader", Map.of("batch_size", 8)));
        assertEquals("loader{batch_size=7}", Options.of("loader", Map.of("batch_size", 7)).toString());
    }
}
