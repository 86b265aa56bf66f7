package dev.sluice.core.label;

import dev.sluice.api.LabelFormatException;
import dev.sluice.api.LabelSink;
import dev.sluice.api.target.EntryTargets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink core hands to a label format: stores entries compactly as they stream in, checks each
 * path against the image root, and collects problems for one report. Warnings are logged as they
 * come, the first {@link ProblemLog#SHOWN} of them, then how many more there were.
 */
final class LabelIndexBuilder implements LabelSink {
    private static final Logger LOG = LoggerFactory.getLogger(LabelIndex.class);
    private final String source;
    private final RootCheck rootCheck;
    private final ProblemLog problems;
    private long warnings;

    private final ByteStore pathBytes = new ByteStore();
    private final PackedLongs pathEnds = new PackedLongs();
    private final PackedLongs labels = new PackedLongs();
    private final PackedLongs lines = new PackedLongs();
    private long strideLine;
    private String unequalLabelCounts;
    /** Null while every entry has {@link #stride} labels. */
    private PackedLongs labelEnds;
    private int stride = -1;
    private boolean full;
    private List<String> classNames = List.of();
    private final TargetStore targets = new TargetStore();

    /**
     * @param source the label source as the user named it, for messages
     * @param rootCheck decides which paths are allowed
     */
    LabelIndexBuilder(String source, RootCheck rootCheck) {
        this.source = source;
        this.rootCheck = rootCheck;
        this.problems = new ProblemLog(source);
    }

    @Override
    public Optional<Path> imageRoot() {
        return Optional.of(rootCheck.root());
    }

    @Override
    public void entry(String path, long[] entryLabels, long line) {
        add(path, entryLabels, null, line);
    }

    @Override
    public void entry(String path, long[] entryLabels, EntryTargets entryTargets, long line) {
        add(path, entryLabels, Objects.requireNonNull(entryTargets, "targets"), line);
    }

    /** @param entryTargets null for an entry without targets */
    private void add(String path, long[] entryLabels, EntryTargets entryTargets, long line) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(entryLabels, "labels");
        if (path.isEmpty()) {
            problems.add(line, null, "empty path");
            return;
        }
        Optional<String> pathProblem = rootCheck.problemWith(path);
        if (pathProblem.isPresent()) {
            problems.add(line, null, pathProblem.get());
            return;
        }
        if (pathEnds.size() == PackedLongs.MAX_SIZE
                || (long) labels.size() + entryLabels.length > PackedLongs.MAX_SIZE) {
            if (!full) {
                problems.add(line, null, "too many entries: a label index holds at most " + PackedLongs.MAX_SIZE
                        + " entries and as many labels; split the source");
                full = true;
            }
            return;
        }
        pathBytes.appendUtf8(path);
        pathEnds.add(pathBytes.size());
        lines.add(Math.max(line, 0));
        storeLabels(entryLabels, line);
        targets.add(pathEnds.size() - 1, entryTargets);
    }

    private void storeLabels(long[] entryLabels, long line) {
        int entries = pathEnds.size() - 1;
        if (stride < 0) {
            stride = entryLabels.length;
            strideLine = line;
        } else if (labelEnds == null && entryLabels.length != stride) {
            unequalLabelCounts = place(line, entries) + " has " + labels(entryLabels.length) + " where "
                    + place(strideLine, 0) + " has " + labels(stride);
            labelEnds = new PackedLongs();
            for (long i = 1; i <= entries; i++) {
                labelEnds.add(i * stride);
            }
        }
        for (long label : entryLabels) {
            labels.add(label);
        }
        if (labelEnds != null) {
            labelEnds.add(labels.size());
        }
    }

    private String place(long line, int entry) {
        return line > 0 ? source + ":" + line : source + " entry " + entry;
    }

    private static String labels(int count) {
        return count + (count == 1 ? " label" : " labels");
    }

    @Override
    public void problem(long line, String text, String reason) {
        problems.add(line, text, reason);
    }

    @Override
    public void warning(long line, String text, String reason) {
        if (warnings++ < ProblemLog.SHOWN) {
            LOG.warn("{}", problems.describe(line, text, reason));
        }
    }

    @Override
    public void classNames(List<String> names) {
        classNames = List.copyOf(names);
    }

    /**
     * The finished index.
     *
     * @throws LabelFormatException listing the problems, if any; or naming the source if it had no entries
     */
    LabelIndex build() throws LabelFormatException {
        if (warnings > ProblemLog.SHOWN) {
            long more = warnings - ProblemLog.SHOWN;
            LOG.warn("{}: ... and {} more {}", source, more, more == 1 ? "warning" : "warnings");
        }
        if (problems.count() > 0) {
            throw problems.toException();
        }
        if (pathEnds.size() == 0) {
            throw new LabelFormatException(source + ": no entries; a label source must list at least one image");
        }
        pathBytes.trim();
        pathEnds.trim();
        labels.trim();
        lines.trim();
        if (labelEnds != null) {
            labelEnds.trim();
        }
        targets.trim();
        return new LabelIndex(pathBytes, pathEnds, labels, labelEnds, Math.max(stride, 0), classNames, source, lines,
                unequalLabelCounts, targets);
    }
}
