package dev.sluice.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list grammar and its errors, which have their one home in the resolver (the transform pack tests its containers with a plain lookup). */
class TransformResolverTest {
    private static final TransformResolver RESOLVER = new TransformResolver(
            PluginRegistry.discover(TransformResolverTest.class.getClassLoader()));

    private static OptionsException refused(Object list) {
        return assertThrows(OptionsException.class,
                () -> RESOLVER.steps(Options.of("transforms[0].compose", Map.of("transforms", list)), "transforms"));
    }

    @Test
    void stepsAreBuiltAtTheirKeyPaths() {
        List<?> steps = RESOLVER.steps(Options.of("t", Map.of("transforms", List.of("test-to-tensor",
                Map.of("test-resize", Map.of("width", 2, "height", 3))))), "transforms");
        assertEquals("t.transforms[1].test-resize", ((dev.sluice.api.spi.ConfiguredTransform) steps.get(1)).keyPath());
    }

    @Test
    void anUnknownIdIsRefusedWithTheKnownOnesAndASuggestion() {
        OptionsException refused = refused(List.of("test-to-tensr"));
        assertEquals("transforms[0].compose.transforms[0].test-to-tensr", refused.keyPath());
        assertTrue(refused.getMessage().contains("no transform with this id; known: ") && refused.getMessage().contains("test-resize, test-scale, test-to-tensor"),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Did you mean 'test-to-tensor'?"), refused.getMessage());
    }

    @Test
    void malformedListsAreRefusedAtTheirKeyPaths() {
        assertEquals("transforms[0].compose.transforms", refused(List.of()).keyPath());
        assertEquals("transforms[0].compose.transforms[0]",
                refused(List.of(Map.of("test-resize", Map.of("width", 3), "test-to-tensor", Map.of()))).keyPath());
        assertEquals("transforms[0].compose.transforms[0].test-resize", refused(List.of(Map.of("test-resize", 3))).keyPath());
        assertEquals("transforms[0].compose.transforms", assertThrows(OptionsException.class,
                () -> RESOLVER.steps(Options.of("transforms[0].compose", Map.of()), "transforms")).keyPath());
    }
}
