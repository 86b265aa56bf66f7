package dev.sluice.core.collate;

import dev.sluice.api.Collate;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.dataset.LabeledSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PyTorch's {@code default_collate} for Java values: turns a list of samples into a batch by
 * stacking what can be stacked along a new first axis and recursing into containers. The memory of
 * every tensor it makes comes from the allocator passed to {@link #collate}.
 *
 * <p>What each kind of sample becomes (N is the number of samples):
 * <ul>
 * <li>{@link dev.sluice.api.Tensor}: {@code torch.stack(batch, 0)}, an N x shape tensor of the same
 *     dtype. Every tensor must have the dtype and the shape of the first.</li>
 * <li>{@link dev.sluice.api.Image}: a uint8 (uint16 for 16-bit images) N x H x W x C tensor; every
 *     image must have the size, depth and channel count of the first.</li>
 * <li>{@code Integer}, {@code Long}, {@code Short}, {@code Byte} (which may mix): an int64 tensor of N.
 *     {@code Float}: float32. {@code Double}: float64 (as PyTorch does with Python floats).
 *     {@code Boolean}: uint8 holding 1 for true and 0 for false, since Sluice's tensors have no
 *     bool dtype (PyTorch makes a bool tensor).</li>
 * <li>{@code int[]} and {@code long[]}: an int64 N x K tensor; {@code float[]}: float32;
 *     {@code double[]}: float64; {@code byte[]}: uint8 (PyTorch returns {@code bytes} unchanged;
 *     in Java a {@code byte[]} is data, not text). Every array must have the length of the first.</li>
 * <li>{@link CharSequence}: a {@code List<String>} of the samples, in order.</li>
 * <li>{@link Map}: a {@link LinkedHashMap} with the first sample's keys, in its iteration order,
 *     each mapped to the collated values of that key. Every sample must have exactly those keys.</li>
 * <li>{@link List}: the transposed list: element k is the collated k-th elements of the samples.
 *     Every list must have the size of the first.</li>
 * <li>{@link LabeledSample}: a typed {@link LabeledBatch}, exactly as {@link LabeledCollate} makes it
 *     (images stacked; labels int64 [N] for one label each, N x K for K).</li>
 * <li>Any other record: a {@code LinkedHashMap<String, Object>} from each component name, in
 *     declaration order, to the collated component. It cannot be a record of the same type, because
 *     its components are typed for one sample ({@code int x}) and cannot hold the batch (a tensor);
 *     this is what PyTorch does with a namedtuple, keyed by field name.</li>
 * </ul>
 * The samples of a batch must all be of one of these kinds (and records of one class); the lists,
 * maps and records made are new, mutable and owned by the caller.
 *
 * <p>Stateless and safe for concurrent use; {@link #instance()} returns the one instance. It never
 * modifies the samples.
 *
 * <pre>{@code
 * Map<String, Object> first = new LinkedHashMap<>(Map.of("id", 1));
 * first.put("pixels", new float[] {0.1f, 0.2f});
 * Map<String, Object> second = new LinkedHashMap<>(Map.of("id", 2));
 * second.put("pixels", new float[] {0.3f, 0.4f});
 * Map<?, ?> batch = (Map<?, ?>) DefaultCollate.instance().collate(List.of(first, second), TensorAllocator.heap());
 * Tensor ids = (Tensor) batch.get("id");          // int64 [2]: 1, 2
 * Tensor pixels = (Tensor) batch.get("pixels");   // float32 [2, 2]
 * }</pre>
 */
public final class DefaultCollate implements Collate<Object, Object> {
    private static final DefaultCollate INSTANCE = new DefaultCollate();
    private static final LabeledCollate LABELED = new LabeledCollate();

    private DefaultCollate() {
    }

    /** The shared instance. */
    public static DefaultCollate instance() {
        return INSTANCE;
    }

    /**
     * Collates one batch as described in the class documentation.
     *
     * @param samples the batch's samples in batch order; not empty; not modified
     * @param allocator the memory for every tensor of the batch; if collation fails, what was taken
     *        from it is {@linkplain TensorAllocator#recycle recycled}
     * @return a tensor, a {@code List<String>}, a {@code List<Object>} or a {@code Map}, never null
     * @throws IllegalArgumentException if {@code samples} is empty, or a sample (or an element inside
     *         it) is null or of an unsupported type, of another kind than the first sample, or does
     *         not match the first sample's shape, length, size or keys; the message names the entry
     *         (the sample's position in the batch) and where inside the sample, as {@code ['key'][1]}
     * @throws NullPointerException if {@code samples} or {@code allocator} is null
     */
    @Override
    public Object collate(List<?> samples, TensorAllocator allocator) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(allocator, "allocator");
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("default_collate: samples is empty; a batch has at least one sample");
        }
        Object[] column = samples.toArray();
        return TrackingAllocator.recyclingOnFailure(allocator, tracked -> collate(column, tracked, ""));
    }

    private static Object collate(Object[] column, TensorAllocator allocator, String path) {
        ColumnKind kind = commonKind(column, path);
        return switch (kind) {
            case TENSOR -> ColumnStacker.tensors(column, allocator, path);
            case IMAGE -> ColumnStacker.images(column, allocator, path);
            case INTEGER, FLOAT, DOUBLE, BOOLEAN -> ColumnStacker.scalars(column, kind, allocator, path);
            case INT_ARRAY, LONG_ARRAY, FLOAT_ARRAY, DOUBLE_ARRAY, BYTE_ARRAY ->
                    ColumnStacker.arrays(column, allocator, "default_collate: arrays", path);
            case TEXT -> texts(column);
            case MAP -> maps(column, allocator, path);
            case LIST -> lists(column, allocator, path);
            case LABELED_SAMPLE -> LABELED.collate(labeledSamples(column), allocator);
            case RECORD -> records(column, allocator, path);
            case UNSUPPORTED -> throw new IllegalStateException("commonKind let an unsupported value through");
        };
    }

    private static ColumnKind commonKind(Object[] column, String path) {
        ColumnKind kind = ColumnKind.of(column[0]);
        for (int i = 0; i < column.length; i++) {
            ColumnKind other = ColumnKind.of(column[i]);
            if (other == ColumnKind.UNSUPPORTED) {
                throw new IllegalArgumentException("default_collate: batch must contain tensors, images, numbers,"
                        + " arrays, maps, lists or records; found " + ColumnKind.typeName(column[i]) + " at entry " + i
                        + ColumnStacker.where(path));
            }
            if (other != kind || kind == ColumnKind.RECORD && column[i].getClass() != column[0].getClass()) {
                throw new IllegalArgumentException("default_collate: entry " + i + " is a "
                        + ColumnKind.typeName(column[i]) + " but entry 0 is a " + ColumnKind.typeName(column[0])
                        + "; the samples of a batch must be of one kind" + ColumnStacker.where(path));
            }
        }
        return kind;
    }

    private static List<String> texts(Object[] column) {
        List<String> out = new ArrayList<>(column.length);
        for (Object text : column) {
            out.add(text.toString());
        }
        return out;
    }

    private static Map<Object, Object> maps(Object[] column, TensorAllocator allocator, String path) {
        Map<?, ?> first = (Map<?, ?>) column[0];
        for (int i = 1; i < column.length; i++) {
            Map<?, ?> map = (Map<?, ?>) column[i];
            for (Object key : first.keySet()) {
                if (!map.containsKey(key)) {
                    throw new IllegalArgumentException("default_collate: entry " + i + " has no key " + quote(key)
                            + ", which entry 0 has; the maps of a batch must have the same keys" + ColumnStacker.where(path));
                }
            }
            if (map.size() != first.size()) {
                for (Object key : map.keySet()) {
                    if (!first.containsKey(key)) {
                        throw new IllegalArgumentException("default_collate: entry " + i + " has the key " + quote(key)
                                + ", which entry 0 lacks; the maps of a batch must have the same keys"
                                + ColumnStacker.where(path));
                    }
                }
            }
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object key : first.keySet()) {
            Object[] values = new Object[column.length];
            for (int i = 0; i < column.length; i++) {
                values[i] = ((Map<?, ?>) column[i]).get(key);
            }
            out.put(key, collate(values, allocator, path + "[" + quote(key) + "]"));
        }
        return out;
    }

    private static List<Object> lists(Object[] column, TensorAllocator allocator, String path) {
        Object[][] rows = new Object[column.length][];
        for (int i = 0; i < column.length; i++) {
            rows[i] = ((List<?>) column[i]).toArray();
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("default_collate: each element in list of batch should be of"
                        + " equal size, but entry 0 has " + rows[0].length + " elements and entry " + i + " has "
                        + rows[i].length + ColumnStacker.where(path));
            }
        }
        List<Object> out = new ArrayList<>(rows[0].length);
        for (int k = 0; k < rows[0].length; k++) {
            Object[] values = new Object[column.length];
            for (int i = 0; i < column.length; i++) {
                values[i] = rows[i][k];
            }
            out.add(collate(values, allocator, path + "[" + k + "]"));
        }
        return out;
    }

    private static List<LabeledSample<?>> labeledSamples(Object[] column) {
        List<LabeledSample<?>> samples = new ArrayList<>(column.length);
        for (Object sample : column) {
            samples.add((LabeledSample<?>) sample);
        }
        return samples;
    }

    private static Map<String, Object> records(Object[] column, TensorAllocator allocator, String path) {
        RecordLayout layout = RecordLayout.of(column[0].getClass());
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < layout.size(); k++) {
            Object[] values = new Object[column.length];
            for (int i = 0; i < column.length; i++) {
                values[i] = layout.read(column[i], k, i, path);
            }
            out.put(layout.name(k), collate(values, allocator, path + "." + layout.name(k)));
        }
        return out;
    }

    private static String quote(Object key) {
        return key instanceof CharSequence ? "'" + key + "'" : String.valueOf(key);
    }
}
