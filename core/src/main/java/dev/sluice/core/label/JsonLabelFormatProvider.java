package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.util.Set;

/**
 * The {@code json} label format: the labels of a WebDataset-style shard sample in its
 * {@code .json} member, or a label file in JSON Lines. The labels are an integer or a list of
 * integers under a key, {@code "label"} unless the option {@code key} names another; a label file's
 * objects also hold the image {@code "path"}. Found by {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * # 000123.json in a shard
 * {"label": [3, 7], "caption": "a cat on a mat"}
 * # train.jsonl, a label file
 * {"path": "cats/000123.jpg", "label": 3}
 * }</pre>
 *
 * <p>Options: {@code key}: the key holding the labels, default {@code "label"}.
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option or a blank key.
 */
public final class JsonLabelFormatProvider extends BuiltInLabelFormatProvider {

    /** A provider; constructing one does nothing else. */
    public JsonLabelFormatProvider() {
        super(JsonLabelFormat.ID, Set.of("key"), JsonLabelFormatProvider::build);
    }

    private static LabelFormat build(Options options) {
        String key = options.getString("key", "label");
        if (key.isBlank()) {
            throw new OptionsException(options.keyPath("key"), "must not be blank");
        }
        return new JsonLabelFormat(key);
    }
}
