package dev.sluice.core.loader;

import dev.sluice.core.dataset.ErrorPolicy;

/**
 * A sample left out under {@link ErrorPolicy#SKIP}.
 *
 * @param index the dataset index, or -1 for a stream's sample, which has none
 * @param source where it comes from: a path, followed by the label file's line that lists it where
 *        the dataset knows it ({@code "images/cat.jpg, train.txt:18"}), or a shard and member; empty
 *        when the dataset does not say
 * @param reason the failure's message
 */
public record SkippedSample(long index, String source, String reason) {

    @Override
    public String toString() {
        if (index < 0) {
            return (source.isEmpty() ? "a sample" : source) + ": " + reason;
        }
        return "sample " + index + (source.isEmpty() ? "" : " (" + source + ")") + ": " + reason;
    }
}
