package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void optionsMayComeBeforeAndAfterTheCommandInEitherSpelling() {
        Arguments arguments = Arguments.parse(new String[] {"--plugins", "jars", "run", "a.yaml", "--epochs=3",
            "--set", "loader.seed=1", "--verbose", "--set=loader.shuffle=true"});
        assertEquals("run", arguments.command());
        assertEquals(List.of("a.yaml"), arguments.positionals());
        assertEquals("jars", arguments.option("plugins"));
        assertEquals(3, arguments.number("epochs", 1, 1, 10));
        assertEquals(List.of("loader.seed=1", "loader.shuffle=true"), arguments.sets());
        assertTrue(arguments.flag("verbose"));
        assertFalse(arguments.flag("json"));
    }

    @Test
    void aDoubleDashEndsTheOptions() {
        Arguments arguments = Arguments.parse(new String[] {"decode", "--", "--odd-name.png"});
        assertEquals(List.of("--odd-name.png"), arguments.positionals());
    }

    @Test
    void anUnknownOptionIsRefusedWithTheKnownOnesAndASuggestion() {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"run", "--epoch", "2"})
                .requireOnly("run", Set.of("epochs", "steps", "set")));
        assertEquals("sluice run: unknown option --epoch; known: --epochs, --help, --plugins, --set, --steps, --verbose."
                + " Did you mean --epochs?", e.getMessage());
    }

    @Test
    void anOptionNoCommandKnowsIsRefusedWhileParsing() {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"run", "--fast"}));
        assertTrue(e.getMessage().startsWith("unknown option --fast; known: --backend, --batch, --batches, "),
                e.getMessage());
    }

    @Test
    void anOptionOfAnotherCommandIsRefusedByThisOne() {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"plugins", "--json"})
                .requireOnly("plugins", Set.of()));
        assertEquals("sluice plugins: unknown option --json; known: --help, --plugins, --verbose.", e.getMessage());
    }

    @Test
    void setIsRefusedByCommandsWithoutAConfiguration() {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(
                new String[] {"decode", "a.jpg", "--set", "x=1"}).requireOnly("decode", Set.of("backend")));
        assertEquals("sluice decode reads no configuration, so --set has nothing to set", e.getMessage());
    }

    @Test
    void valuesAreCheckedWithTheOptionsName() {
        assertEquals("--out needs a value",
                assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"dump", "--out"})).getMessage());
        assertEquals("--json takes no value, was given 'yes'",
                assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"bench", "--json=yes"}))
                        .getMessage());
        assertEquals("--epochs is given twice", assertThrows(UsageException.class,
                () -> Arguments.parse(new String[] {"run", "--epochs", "1", "--epochs", "2"})).getMessage());
        Arguments arguments = Arguments.parse(new String[] {"run", "--epochs", "two", "--steps", "0"});
        assertEquals("--epochs must be a whole number, was 'two'",
                assertThrows(UsageException.class, () -> arguments.number("epochs", 1, 1, Long.MAX_VALUE)).getMessage());
        assertEquals("--steps must be >= 1, was 0",
                assertThrows(UsageException.class, () -> arguments.number("steps", 1, 1, Long.MAX_VALUE)).getMessage());
    }
}
