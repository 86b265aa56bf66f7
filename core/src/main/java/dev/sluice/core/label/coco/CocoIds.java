package dev.sluice.core.label.coco;

import dev.sluice.api.spi.MessageValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of one kind (images, or categories) of a COCO file, each given a small code on first sight,
 * so that annotations hold two ints, not two keys. An id is a {@link Long} or a {@link String},
 * matched by exact value as pycocotools matches them: its {@code COCO.createIndex} keys Python dicts
 * ({@code imgs}, {@code imgToAnns}, {@code cats}) by the JSON values, so a string id works as a
 * number does, and the string {@code "1"} and the number {@code 1} are two ids ({@code 1.0} and
 * {@code 1} are one, as {@link CocoValues#integer} reads both as 1).
 */
final class CocoIds {
    /** Numbers first, in numeric order; then strings in code-point order, as Python orders str. */
    static final Comparator<Object> ORDER = (a, b) -> a instanceof Long x
            ? b instanceof Long y ? Long.compare(x, y) : -1
            : b instanceof Long ? 1 : Arrays.compare(((String) a).codePoints().toArray(), ((String) b).codePoints()
                    .toArray());
    private static final int SHOWN_CHARACTERS = 40;

    private final Map<Object, Integer> codes = new HashMap<>();
    private final List<Object> values = new ArrayList<>();

    /** The code of {@code id}, a new one ({@link #size()} before the call) for an id not seen before. */
    int code(Object id) {
        Integer code = codes.get(id);
        if (code != null) {
            return code;
        }
        codes.put(id, values.size());
        values.add(id);
        return values.size() - 1;
    }

    /** The code of {@code id}, or -1 for an id not seen. */
    int find(Object id) {
        return codes.getOrDefault(id, -1);
    }

    /** The id of {@code code}. */
    Object value(int code) {
        return values.get(code);
    }

    /** The number of codes given. */
    int size() {
        return values.size();
    }

    /**
     * The id as a message shows it: a number as it is, a string in double quotes (cut to 40
     * characters), so that {@code "1"} and {@code 1} read apart.
     */
    static String show(Object id) {
        return id instanceof String text ? '"' + MessageValues.shorten(text, SHOWN_CHARACTERS) + '"' : id.toString();
    }

    /** The same id written as the other kind: {@code "17"} for 17 and 17 for {@code "17"}, or null. */
    static Object otherKind(Object id) {
        if (id instanceof Long number) {
            return number.toString();
        }
        try {
            long number = Long.parseLong((String) id);
            return Long.toString(number).equals(id) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
