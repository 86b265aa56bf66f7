package dev.sluice.core.label;

import dev.sluice.api.LabelFormatException;
import dev.sluice.api.spi.MessageValues;
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
            shown.add(describe(line, text, reason));
        }
    }

    /** One problem (or warning) as a line that names the source: {@code "train.txt:12: <reason>: '<text>'"}. */
    String describe(long line, String text, String reason) {
        String where = line > 0 ? source + ":" + line : source;
        return text == null ? where + ": " + reason : where + ": " + reason + ": '" + shorten(text) + "'";
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

    /** {@code text} cut to {@link #TEXT_LIMIT} characters, as {@link MessageValues#shorten(String, int)} cuts. */
    static String shorten(String text) {
        return MessageValues.shorten(text, TEXT_LIMIT);
    }
}
