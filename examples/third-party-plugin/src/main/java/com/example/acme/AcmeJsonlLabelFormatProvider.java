package com.example.acme;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.LabelFormatProvider;
import java.util.Set;

/**
 * The {@code acme-jsonl} label format: JSON Lines, one JSON object per line with the image's
 * {@code "path"} (a non-empty string) and its {@code "labels"} (an array of integers); other
 * members are ignored, blank lines skipped, a UTF-8 byte-order mark and CRLF line ends accepted.
 *
 * <pre>{@code
 * {"path": "images/cat.jpg", "labels": [3, 7]}
 * {"path": "images/dog.jpg", "labels": [1, 4], "source": "camera 2"}
 * }</pre>
 *
 * In a configuration: {@code dataset: {format: acme-jsonl, labels: train.jsonl, root: images}}.
 * Found by {@link java.util.ServiceLoader}; constructing it does nothing else.
 */
public final class AcmeJsonlLabelFormatProvider extends AbstractPluginProvider implements LabelFormatProvider {

    /** A provider; constructing one does nothing else. */
    public AcmeJsonlLabelFormatProvider() {
        super("acme-jsonl", 10); // label formats are always chosen by id, so the priority does not matter
    }

    /**
     * A JSON Lines label format; thread-safe, each read keeps its own state.
     *
     * @param options must be empty
     * @throws dev.sluice.api.OptionsException naming the key path of any option given
     */
    @Override
    public LabelFormat create(Options options) {
        options.requireOnly(Set.of());
        return new JsonlLabelFormat();
    }
}
