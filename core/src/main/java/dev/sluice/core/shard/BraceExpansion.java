package dev.sluice.core.shard;

import java.util.ArrayList;
import java.util.List;

/**
 * Shell-style brace expansion, as WebDataset's shard names use it (through Python's
 * {@code braceexpand}): {@code {0000..0127}} is a numeric range, inclusive, in either direction,
 * with an optional step ({@code {0..10..5}}), zero-padded to the wider bound when a bound has a
 * leading zero; {@code {a,b,c}} lists alternatives; braces nest; several braces multiply out from
 * left to right. A brace with neither {@code ..} nor a comma stays as written.
 */
final class BraceExpansion {
    /** A shard list is read into memory; a pattern asking for more names than this is a mistake. */
    static final int MAX_NAMES = 10_000_000;
    /** The deepest nesting of braces expanded; each level is a level of recursion. */
    static final int MAX_DEPTH = 32;

    private BraceExpansion() {
    }

    /**
     * The names {@code pattern} stands for, in order.
     *
     * @throws IllegalArgumentException naming the pattern and the position for an unmatched brace, a
     *         bad range, braces nested deeper than {@link #MAX_DEPTH}, or more than {@link #MAX_NAMES} names
     */
    static List<String> expand(String pattern) {
        requireShallow(pattern);
        List<String> out = new ArrayList<>();
        expandInto("", pattern, pattern, out);
        return out;
    }

    private static void expandInto(String head, String rest, String pattern, List<String> out) {
        int open = rest.indexOf('{');
        int strayClose = rest.indexOf('}');
        if (strayClose >= 0 && (open < 0 || strayClose < open)) {
            throw new IllegalArgumentException("'" + pattern + "': '}' without a '{' before it");
        }
        if (open < 0) {
            add(out, head + rest, pattern);
            return;
        }
        int close = matching(rest, open, pattern);
        String before = head + rest.substring(0, open);
        String body = rest.substring(open + 1, close);
        String after = rest.substring(close + 1);
        List<String> alternatives = alternatives(body, pattern);
        if (alternatives == null) {
            // Neither a range nor a list: the braces are literal text, and expansion goes on after them.
            expandInto(before + "{" + body + "}", after, pattern, out);
            return;
        }
        for (String alternative : alternatives) {
            // An alternative may hold braces of its own: expand it together with what follows.
            List<String> expandedAlternative = new ArrayList<>();
            expandInto("", alternative, pattern, expandedAlternative);
            for (String piece : expandedAlternative) {
                expandInto(before + piece, after, pattern, out);
            }
        }
    }

    private static void requireShallow(String pattern) {
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && ++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("'" + shortened(pattern) + "': braces nest more than " + MAX_DEPTH
                        + " deep (at character " + (i + 1) + "); the most expanded is " + MAX_DEPTH);
            } else if (c == '}') {
                depth--;
            }
        }
    }

    /** The pattern as messages quote it: at most 80 characters. */
    private static String shortened(String pattern) {
        return pattern.length() <= 80 ? pattern : pattern.substring(0, 77) + "...";
    }

    private static void add(List<String> out, String name, String pattern) {
        if (out.size() >= MAX_NAMES) {
            throw new IllegalArgumentException("'" + pattern + "' stands for more than " + MAX_NAMES + " names");
        }
        out.add(name);
    }

    private static int matching(String text, int open, String pattern) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + pattern + "': '{' without a matching '}'");
    }

    /** The alternatives of a brace body, or null when the body is neither a range nor a list. */
    private static List<String> alternatives(String body, String pattern) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        if (parts.size() > 1) {
            return parts;
        }
        return body.matches("-?\\d+\\.\\.-?\\d+(\\.\\.-?\\d+)?") ? range(body, pattern) : null;
    }

    private static List<String> range(String body, String pattern) {
        String[] bounds = body.split("\\.\\.");
        long from;
        long to;
        long step;
        try {
            from = Long.parseLong(bounds[0]);
            to = Long.parseLong(bounds[1]);
            step = bounds.length == 3 ? Math.abs(Long.parseLong(bounds[2])) : 1;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + pattern + "': range {" + body + "} has a bound too large", e);
        }
        if (step == 0) {
            throw new IllegalArgumentException("'" + pattern + "': range {" + body + "} has a step of 0");
        }
        long span = to >= from ? to - from : from - to;
        // A span past Long.MAX_VALUE wraps to a negative number: far more names than allowed either way.
        long count = span < 0 ? Long.MAX_VALUE : span / step + 1;
        if (count > MAX_NAMES) {
            throw new IllegalArgumentException("'" + pattern + "' stands for more than " + MAX_NAMES + " names");
        }
        int width = zeroPadded(bounds[0]) || zeroPadded(bounds[1])
                ? Math.max(digits(bounds[0]), digits(bounds[1])) : 0;
        List<String> values = new ArrayList<>((int) count);
        long direction = to >= from ? step : -step;
        for (long i = 0, value = from; i < count; i++, value += direction) {
            String digits = Long.toString(Math.abs(value));
            String padded = digits.length() < width ? "0".repeat(width - digits.length()) + digits : digits;
            values.add(value < 0 ? "-" + padded : padded);
        }
        return values;
    }

    private static boolean zeroPadded(String bound) {
        String digits = bound.startsWith("-") ? bound.substring(1) : bound;
        return digits.length() > 1 && digits.charAt(0) == '0';
    }

    private static int digits(String bound) {
        return bound.startsWith("-") ? bound.length() - 1 : bound.length();
    }
}
