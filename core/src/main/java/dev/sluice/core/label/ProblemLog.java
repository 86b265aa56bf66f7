package dev.sluice.core.label;

import dev.sluice.api.LabelFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one label source: counts them all, keeps the first {@link #SHOWN} as
 * {@code "train.txt:12: <reason>: '<text>'"} lines, and turns them into one exception.
 */
final class ProblemLog {
    static final int SHOWN = 20;
    static final int TEXT_LIMIT = 120;

    private final String source;
    private final List<String> shown = new ArrayList<>();
    private long count;

    /** @param source the label source as the user named it */
    ProblemLog(String source) {
        this.source = source;
    }

    /**
     * Records a problem.
     *
     * @param line 1-based, or 0 where the source has no lines
     * @param text the offending text, or null when the reason already quotes it
     * @param reason what is wrong
     */
    void add(long line, String text, String reason) {
        count++;
        if (shown.size() < SHOWN) {
            String where = line > 0 ? source + ":" + line : source;
            shown.add(text == null ? where + ": " + reason : where + ": " + reason + ": '" + shorten(text) + "'");
        }
    }

    long count() {
        return count;
    }

    /** The problems as one exception, one per line, ending with how many were not shown. */
    LabelFormatException toException() {
        StringBuilder message = new StringBuilder(String.join("\n", shown));
        if (count > shown.size()) {
            long more = count - shown.size();
            message.append("\n... and ").append(more).append(more == 1 ? " more problem" : " more problems");
        }
        return new LabelFormatException(message.toString());
    }

    /**
     * {@code text} cut to {@link #TEXT_LIMIT} characters (with "..." when cut), control characters
     * and Unicode line separators written as escapes so that a problem stays on one line.
     */
    static String shorten(String text) {
        boolean cut = text.length() > TEXT_LIMIT;
        String kept = cut ? text.substring(0, TEXT_LIMIT - 3) : text;
        StringBuilder out = new StringBuilder(kept.length() + 8);
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return cut ? out.append("...").toString() : out.toString();
    }
}
