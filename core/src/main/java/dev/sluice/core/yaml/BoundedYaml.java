package dev.sluice.core.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads YAML (and JSON, which is YAML) through snakeyaml-engine after checking its event stream,
 * which the engine's parser produces without recursion, for what would make the recursive parts
 * (the composer, the constructor, and whatever walks the result) overflow the stack or exhaust
 * memory:
 * <ul>
 *   <li>collections nested deeper than {@value #MAX_DEPTH} ({@code [[[[...} a hundred thousand deep);
 *   <li>an alias inside the collection its anchor names ({@code batch_size: &r [*r]}), a value
 *       without end;
 *   <li>aliases that expand the document to more than {@value #MAX_VALUES} values (the
 *       "billion laughs" bomb: nine aliases of nine aliases of ...), counted as the events arrive,
 *       so a bomb is refused in time linear in its text.
 * </ul>
 * snakeyaml-engine's own {@code maxAliasesForCollections} (50 by default) bounds the number of
 * aliases but not what they expand to, and it has no nesting limit; hence this check.
 */
public final class BoundedYaml {
    /** The deepest nesting of collections read. Configurations and labels need a handful. */
    public static final int MAX_DEPTH = 100;
    /** The most values (scalars and collections, aliases expanded) one document may hold. */
    public static final long MAX_VALUES = 1_000_000;

    private BoundedYaml() {
    }

    /**
     * The first document of {@code text} as nodes.
     *
     * @throws YamlLimitException when the text passes a limit
     * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException when it is not valid YAML
     */
    public static Optional<Node> compose(String text, LoadSettings settings) {
        try {
            check(text, settings);
            return new Compose(settings).composeString(text);
        } catch (NumberFormatException cutEscape) {
            throw escapeCutShort(cutEscape);
        }
    }

    /**
     * The first document of {@code text} as Java values (maps, lists, scalars).
     *
     * @throws YamlLimitException when the text passes a limit
     * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException when it is not valid YAML
     */
    public static Object load(String text, LoadSettings settings) {
        try {
            check(text, settings);
            return new Load(settings).loadFromString(text);
        } catch (NumberFormatException cutEscape) {
            throw escapeCutShort(cutEscape);
        }
    }

    /**
     * snakeyaml-engine's scanner throws a bare NumberFormatException, not its own exception, for a
     * double-quoted scalar whose text ends right after the backslash and letter of a hexadecimal escape
     * (x, u or U), before its first digit (found by {@code LabelFormatsFuzzTest} on a JSON line).
     */
    private static YamlEngineException escapeCutShort(NumberFormatException cause) {
        YamlEngineException syntax = new YamlEngineException("the text ends inside a quoted string's \\x, \\u or "
                + "\\U escape, before its hexadecimal digits");
        syntax.initCause(cause);
        return syntax;
    }

    /**
     * Reads the events of {@code text} and refuses it when it passes a limit; a syntax error is
     * left to the caller's parse, which reports it.
     *
     * @throws YamlLimitException naming the limit and the line
     */
    static void check(String text, LoadSettings settings) {
        Deque<Open> open = new ArrayDeque<>();
        Map<Anchor, Long> sizes = new HashMap<>();
        long documentValues = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case DocumentStart -> documentValues = 0;
                case SequenceStart, MappingStart -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new YamlLimitException("collections are nested more than " + MAX_DEPTH + " deep; the "
                                + "most read is " + MAX_DEPTH, line(event));
                    }
                    open.push(new Open(((NodeEvent) event).getAnchor().orElse(null)));
                }
                case SequenceEnd, MappingEnd -> {
                    Open closed = open.pop();
                    long size = closed.values + 1;
                    if (closed.anchor != null) {
                        sizes.put(closed.anchor, size);
                    }
                    documentValues = add(open, documentValues, size, event);
                }
                case Scalar -> {
                    ((NodeEvent) event).getAnchor().ifPresent(anchor -> sizes.put(anchor, 1L));
                    documentValues = add(open, documentValues, 1, event);
                }
                case Alias -> {
                    Anchor anchor = ((AliasEvent) event).getAlias();
                    for (Open collection : open) {
                        if (anchor.equals(collection.anchor)) {
                            throw new YamlLimitException("the alias *" + anchor + " is inside the collection &" + anchor
                                    + " names, a value without end; aliases may only repeat what is complete",
                                    line(event));
                        }
                    }
                    // An unknown anchor is the composer's error to report.
                    documentValues = add(open, documentValues, sizes.getOrDefault(anchor, 1L), event);
                }
                default -> {
                }
            }
        }
    }

    private static long add(Deque<Open> open, long documentValues, long size, Event event) {
        Open parent = open.peek();
        long total = parent != null ? parent.values + size : documentValues + size;
        if (total > MAX_VALUES) {
            throw new YamlLimitException("aliases expand the document to more than " + MAX_VALUES + " values; the most "
                    + "read is " + MAX_VALUES, line(event));
        }
        if (parent != null) {
            parent.values = total;
            return documentValues;
        }
        return total;
    }

    private static int line(Event event) {
        return event.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    /** A collection whose end has not been read yet. */
    private static final class Open {
        final Anchor anchor;
        long values;

        Open(Anchor anchor) {
            this.anchor = anchor;
        }
    }
}
