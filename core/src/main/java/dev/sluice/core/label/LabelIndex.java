package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entries of a label source (image path and integer labels), stored compactly: paths as UTF-8
 * bytes in one chunked store, labels in one {@code int[]} (or {@code long[]} when a label needs it)
 * with a fixed stride when every entry has the same number of labels. There are no per-entry
 * objects: ten million ImageNet-style entries take about 40 bytes each.
 *
 * <p>An index is immutable and safe to read from any number of threads.
 *
 * <pre>{@code
 * LabelFormat txt = new TxtLabelFormatProvider().create(Options.empty());
 * LabelIndex index = LabelIndex.read(txt, Path.of("train.txt"), Path.of("images"));
 * String first = index.path(0);          // "n01440764/n01440764_10026.JPEG"
 * long label = index.label(0, 0);        // 3
 * }</pre>
 */
public final class LabelIndex {
    private final ByteStore pathBytes;
    private final PackedLongs pathEnds;
    private final PackedLongs labels;
    private final PackedLongs labelEnds;
    private final int stride;
    private final List<String> classNames;
    private final String source;
    /** Each entry's line in the source, 0 where the source has no lines. */
    private final PackedLongs lines;
    private final String unequalLabelCounts;

    LabelIndex(ByteStore pathBytes, PackedLongs pathEnds, PackedLongs labels, PackedLongs labelEnds, int stride,
            List<String> classNames, String source, PackedLongs lines, String unequalLabelCounts) {
        this.pathBytes = pathBytes;
        this.pathEnds = pathEnds;
        this.labels = labels;
        this.labelEnds = labelEnds;
        this.stride = stride;
        this.classNames = classNames;
        this.source = source;
        this.lines = lines;
        this.unequalLabelCounts = unequalLabelCounts;
    }

    /**
     * Reads a label source with {@code format} and checks every path against the image root: a path
     * that leaves it (absolute elsewhere, or {@code ..} segments climbing out of it) is a problem.
     *
     * <p>Problems are collected, not thrown one by one: when there are any, one
     * {@link LabelFormatException} lists the first 20, one per line, as
     * {@code "train.txt:12: <reason>: '<text>'"} (the file as {@code source} names it; long text
     * shortened), followed by {@code "... and N more problems"}.
     *
     * @param format the label format; called once, on this thread
     * @param source the label file, or the folder for folder-shaped formats
     * @param imageRoot the folder the entries' paths are relative to; only used lexically here
     * @return the index, with at least one entry
     * @throws LabelFormatException listing the problems; or naming the source when it has no entries;
     *         or as the format throws it when the source as a whole is unusable
     * @throws IOException if the source cannot be read, naming it
     * @throws NullPointerException if an argument is null
     */
    public static LabelIndex read(LabelFormat format, Path source, Path imageRoot) throws IOException {
        return read(format, source, new RootCheck(Objects.requireNonNull(imageRoot, "imageRoot"), false));
    }

    /**
     * As {@link #read(LabelFormat, Path, Path)}, but a path may leave the image root: the
     * configuration's {@code dataset.allow_outside_root: true}.
     *
     * @throws LabelFormatException listing the problems, as {@link #read(LabelFormat, Path, Path)}
     * @throws IOException if the source cannot be read, naming it
     * @throws NullPointerException if an argument is null
     */
    public static LabelIndex readAllowingOutsideRoot(LabelFormat format, Path source, Path imageRoot)
            throws IOException {
        return read(format, source, new RootCheck(Objects.requireNonNull(imageRoot, "imageRoot"), true));
    }

    private static LabelIndex read(LabelFormat format, Path source, RootCheck rootCheck) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        LabelIndexBuilder builder = new LabelIndexBuilder(source.toString(), rootCheck);
        format.read(source, builder);
        return builder.build();
    }

    /**
     * A SHA-256 digest of the entries in order (each path and its labels) and the class names, as
     * lower-case hexadecimal: equal for equal contents, different (but for a collision) when an entry
     * was added, removed, moved, renamed or relabelled. Reads every entry.
     */
    public String digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        ByteBuffer numbers = ByteBuffer.allocate(Long.BYTES);
        for (long i = 0; i < size(); i++) {
            sha.update(path(i).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            for (int k = 0; k < labelCount(i); k++) {
                sha.update(numbers.clear().putLong(label(i, k)).flip());
            }
            sha.update((byte) '\n');
        }
        for (String name : classNames) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The number of entries, {@code >= 1}. */
    public long size() {
        return pathEnds.size();
    }

    /**
     * The image path of entry {@code i}, as the source wrote it (relative to the image root, or absolute).
     *
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, size())}
     */
    public String path(long i) {
        int entry = checked(i);
        long start = entry == 0 ? 0 : pathEnds.get(entry - 1);
        return pathBytes.utf8(start, (int) (pathEnds.get(entry) - start));
    }

    /**
     * A new array holding the labels of entry {@code i}, possibly empty.
     *
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, size())}
     */
    public long[] labels(long i) {
        int entry = checked(i);
        long[] out = new long[count(entry)];
        labels.copyTo(labelStart(entry), out, 0, out.length);
        return out;
    }

    /**
     * The number of labels of entry {@code i}, {@code >= 0}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, size())}
     */
    public int labelCount(long i) {
        return count(checked(i));
    }

    /**
     * Label {@code k} of entry {@code i}, without allocating.
     *
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, size())} or {@code k}
     *         outside {@code [0, labelCount(i))}
     */
    public long label(long i, int k) {
        int entry = checked(i);
        int count = count(entry);
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("label " + k + " of entry " + i + " does not exist; it has "
                    + count + (count == 1 ? " label" : " labels"));
        }
        return labels.get(labelStart(entry) + k);
    }

    /**
     * Where entry {@code i} is written, as {@code "train.txt:12"} (the source as it was named to
     * {@link #read}), for messages about the sample; empty where the source has no lines (a folder).
     *
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, size())}
     */
    public Optional<String> origin(long i) {
        long line = lines.get(checked(i));
        return line > 0 ? Optional.of(source + ":" + line) : Optional.empty();
    }

    /**
     * When not every entry has the same number of labels, the first pair that differs, as
     * {@code "train.txt:7 has 2 labels where train.txt:1 has 1"}; empty when they are equal. A batch
     * of such entries cannot stack its labels (PyTorch's default collate refuses them too), so a
     * loader built from configuration refuses such an index before its first batch.
     */
    public Optional<String> unequalLabelCounts() {
        return Optional.ofNullable(unequalLabelCounts);
    }

    /**
     * The class names by label value, as the format gave them (the folder format: the sorted class
     * folders); empty when the format does not know names. Read-only.
     */
    public List<String> classNames() {
        return classNames;
    }

    /** The size and how labels are stored, e.g. {@code LabelIndex[1281167 entries, 1 label each]}. */
    @Override
    public String toString() {
        String shape = labelEnds == null ? stride + (stride == 1 ? " label each" : " labels each") : "varying labels";
        return "LabelIndex[" + size() + " entries, " + shape + "]";
    }

    private int checked(long i) {
        if (i < 0 || i >= pathEnds.size()) {
            throw new IndexOutOfBoundsException("entry " + i + " is outside a label index of " + pathEnds.size()
                    + " entries");
        }
        return (int) i;
    }

    private int labelStart(int entry) {
        if (labelEnds == null) {
            return entry * stride;
        }
        return entry == 0 ? 0 : (int) labelEnds.get(entry - 1);
    }

    private int count(int entry) {
        if (labelEnds == null) {
            return stride;
        }
        return (int) labelEnds.get(entry) - labelStart(entry);
    }
}
