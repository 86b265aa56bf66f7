package dev.sluice.core.collate;

import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.core.dataset.LabeledSample;
import java.util.List;
import java.util.Map;

/** What {@link DefaultCollate} makes of a sample value; every sample of one column must share it. */
enum ColumnKind {
    TENSOR,
    IMAGE,
    // Integer, Long, Short and Byte all become int64, so they may mix within a batch.
    INTEGER,
    FLOAT,
    DOUBLE,
    BOOLEAN,
    INT_ARRAY,
    LONG_ARRAY,
    FLOAT_ARRAY,
    DOUBLE_ARRAY,
    BYTE_ARRAY,
    TEXT,
    MAP,
    LIST,
    LABELED_SAMPLE,
    RECORD,
    UNSUPPORTED;

    // The order of the tests is the order of precedence, as the first matching key of PyTorch's
    // default_collate_fn_map: a record that is also a CharSequence is text.
    static ColumnKind of(Object value) {
        if (value instanceof Tensor) {
            return TENSOR;
        }
        if (value instanceof Image) {
            return IMAGE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return INTEGER;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof int[]) {
            return INT_ARRAY;
        }
        if (value instanceof long[]) {
            return LONG_ARRAY;
        }
        if (value instanceof float[]) {
            return FLOAT_ARRAY;
        }
        if (value instanceof double[]) {
            return DOUBLE_ARRAY;
        }
        if (value instanceof byte[]) {
            return BYTE_ARRAY;
        }
        if (value instanceof CharSequence) {
            return TEXT;
        }
        if (value instanceof Map) {
            return MAP;
        }
        if (value instanceof List) {
            return LIST;
        }
        if (value instanceof LabeledSample) {
            return LABELED_SAMPLE;
        }
        if (value != null && value.getClass().isRecord()) {
            return RECORD;
        }
        return UNSUPPORTED;
    }

    /** The type name used in messages: {@code java.lang.String[]}, or {@code null}. */
    static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getTypeName();
    }
}
