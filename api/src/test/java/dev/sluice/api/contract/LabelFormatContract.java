package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.LabelSink;
import dev.sluice.api.Options;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.api.target.EntryTargets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link LabelFormat} and its {@link LabelFormatProvider} must do. Public so that plugin
 * authors extend it from sluice-api's test-jar: a test class overrides the hooks (the provider id,
 * how to write a valid source holding given entries, how to write an invalid one) and inherits the
 * checks: entries come back in order with their line numbers, bad input is reported to the sink
 * with its line instead of thrown, a missing source is an {@link IOException} naming it; and, from
 * {@link ProviderContract}, the provider is found by {@link java.util.ServiceLoader} under its id
 * and refuses unknown options. A format
 * that reads the labels of one sample from a shard member ({@link LabelFormat#readMember}) says
 * how such a member is written with {@link #memberHolding} and {@link #invalidMember}; one that
 * does not is checked to refuse with a {@link LabelFormatException}. A detection or segmentation
 * format says which targets its source holds beside each entry with {@link #sampleTargets}; they
 * must come back through {@link LabelSink#entry(String, long[], EntryTargets, long)}, and a format
 * that has none must hand over none.
 *
 * <pre>{@code
 * class AcmeLabelFormatTest extends LabelFormatContract {
 *     protected String providerId() { return "acme"; }
 *     protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException { ... }
 *     protected InvalidSource writeInvalidSource(Path dir) throws IOException { ... }
 * }
 * }</pre>
 */
public abstract class LabelFormatContract extends ProviderContract<LabelFormatProvider> {

    /**
     * One entry as a test writes and expects it.
     *
     * @param path the image path, as written in the source
     * @param labels the labels in order
     */
    public record Entry(String path, List<Long> labels) {
        /** An entry with the given labels. */
        public static Entry of(String path, long... labels) {
            List<Long> list = new ArrayList<>();
            for (long label : labels) {
                list.add(label);
            }
            return new Entry(path, List.copyOf(list));
        }
    }

    /**
     * A source a hook wrote.
     *
     * @param source what to pass to {@link LabelFormat#read}
     * @param lines the line each entry was written on, in entry order (0 for a format without lines)
     */
    public record WrittenSource(Path source, List<Long> lines) {
    }

    /**
     * A source with bad parts a hook wrote.
     *
     * @param source what to pass to {@link LabelFormat#read}
     * @param problemLines the line of each expected problem, in the order the format reports them (0
     *        for a format without lines)
     * @param goodEntries the entries around the bad parts that must still be read, in order
     */
    public record InvalidSource(Path source, List<Long> problemLines, List<Entry> goodEntries) {
    }

    /** A temporary folder for the sources, new for each test. */
    @TempDir
    protected Path dir;

    @Override
    protected final Class<LabelFormatProvider> providerKind() {
        return LabelFormatProvider.class;
    }

    @Override
    protected final Object createWith(LabelFormatProvider provider, Options options) {
        return provider.create(options);
    }

    /**
     * Writes into {@code dir} a valid source holding {@code entries} in that order.
     *
     * @param entries {@link #sampleEntries()}
     */
    protected abstract WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException;

    /** Writes into {@code dir} a source with parts the format must report as problems. */
    protected abstract InvalidSource writeInvalidSource(Path dir) throws IOException;

    /** The format under test; by default the discovered provider's, with no options. */
    protected LabelFormat createFormat() {
        return provider().create(Options.empty());
    }

    /**
     * The entries the round-trip test writes. The default suits a folder-per-class format too:
     * sorted, one label each, equal to the class folder's position (birds 0, cats 1, dogs 2), and
     * with a nested folder and a non-ASCII name.
     */
    protected List<Entry> sampleEntries() {
        return List.of(
                Entry.of("birds/a.jpg", 0),
                Entry.of("birds/\u00e9t\u00e9.png", 0),
                Entry.of("cats/1.jpg", 1),
                Entry.of("dogs/2.jpeg", 2),
                Entry.of("dogs/puppies/3.png", 2));
    }

    /**
     * The targets {@link #writeSource} writes beside {@link #sampleEntries()}, one per entry in the
     * same order, for a format that reads boxes or masks; empty (the default) for a format that
     * reads labels only.
     */
    protected List<EntryTargets> sampleTargets() {
        return List.of();
    }

    /**
     * The bytes of a shard member holding {@code labels}, for a format that reads members; empty
     * (the default) for one that reads only label files.
     */
    protected Optional<byte[]> memberHolding(long... labels) {
        return Optional.empty();
    }

    /** The bytes of a member the format must report as a problem; empty when it reads no members. */
    protected Optional<byte[]> invalidMember() {
        return Optional.empty();
    }

    @Test
    public void aMemberGivesOneEntryNamedAfterItOrIsRefused() throws IOException {
        LabelFormat format = createFormat();
        Optional<byte[]> member = memberHolding(3, 7);
        Recording read = new Recording();
        if (member.isEmpty()) {
            assertThrows(LabelFormatException.class,
                    () -> format.readMember("000001.x", ByteBuffer.wrap(new byte[] {'3'}), read),
                    "a format that reads no members refuses with a LabelFormatException");
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(member.get());
        format.readMember("cats/000001.x", bytes, read);
        assertEquals(List.of(), read.problems);
        assertEquals(List.of(Entry.of("cats/000001.x", 3, 7)), read.entries);
        assertEquals(List.of(0L), read.lines);
        assertEquals(0, bytes.position(), "the member's bytes are not consumed");
    }

    @Test
    public void aBadMemberIsReportedAsAProblem() throws IOException {
        Optional<byte[]> member = invalidMember();
        if (member.isEmpty()) {
            return;
        }
        Recording read = new Recording();
        assertDoesNotThrow(() -> createFormat().readMember("000002.x", ByteBuffer.wrap(member.get()), read));
        assertEquals(List.of(), read.entries);
        assertEquals(1, read.problems.size(), "problems: " + read.problems);
        assertFalse(read.problems.get(0).reason().isBlank());
    }

    @Test
    public void readsBackEveryEntryInOrderWithItsLine() throws IOException {
        List<Entry> entries = sampleEntries();
        WrittenSource written = writeSource(dir, entries);
        Recording read = read(written.source());
        assertEquals(List.of(), read.problems, "problems reading a valid source");
        assertEquals(entries, read.entries);
        assertEquals(written.lines(), read.lines);
    }

    @Test
    public void targetsComeBackWithTheirEntriesOrNoneAreGiven() throws IOException {
        WrittenSource written = writeSource(dir, sampleEntries());
        Recording read = read(written.source());
        List<EntryTargets> expected = sampleTargets();
        if (expected.isEmpty()) {
            assertTrue(read.targets.stream().allMatch(Objects::isNull), "a format without targets gave some: "
                    + read.targets);
            return;
        }
        assertEquals(List.of(), read.problems, "problems reading a valid source");
        assertEquals(expected, read.targets);
    }

    @Test
    public void aFormatCanReadAgainAndGivesTheSameEntries() throws IOException {
        WrittenSource written = writeSource(dir, sampleEntries());
        LabelFormat format = createFormat();
        Recording first = new Recording();
        format.read(written.source(), first);
        Recording second = new Recording();
        format.read(written.source(), second);
        assertEquals(first.entries, second.entries);
        assertEquals(first.lines, second.lines);
        assertEquals(first.targets, second.targets);
    }

    @Test
    public void reportsBadPartsAsProblemsWithTheirLinesAndReadsTheRest() throws IOException {
        InvalidSource invalid = writeInvalidSource(dir);
        Recording read = assertDoesNotThrow(() -> read(invalid.source()),
                "a format reports bad lines to the sink instead of throwing");
        List<Long> lines = new ArrayList<>();
        for (Problem problem : read.problems) {
            lines.add(problem.line());
            assertFalse(problem.reason().isBlank(), "a problem without a reason: " + problem);
        }
        assertEquals(invalid.problemLines(), lines, "lines of the problems " + read.problems);
        assertEquals(invalid.goodEntries(), read.entries, "the good entries around the bad ones");
    }

    @Test
    public void aMissingSourceIsAnIOExceptionNamingIt() {
        Path missing = dir.resolve("missing-label-source");
        IOException e = assertThrows(IOException.class, () -> read(missing));
        assertTrue(String.valueOf(e.getMessage()).contains("missing-label-source"),
                "the message names the source: " + e.getMessage());
    }

    private Recording read(Path source) throws IOException {
        Recording recording = new Recording();
        createFormat().read(source, recording);
        return recording;
    }

    /** A problem the format reported. */
    private record Problem(long line, String text, String reason) {
    }

    /** A sink that keeps everything it is given. */
    private static final class Recording implements LabelSink {
        final List<Entry> entries = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        /** One per entry: its targets, or null. */
        final List<EntryTargets> targets = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        @Override
        public void entry(String path, long[] labels, long line) {
            entries.add(Entry.of(path, labels));
            lines.add(line);
            targets.add(null);
        }

        @Override
        public void entry(String path, long[] labels, EntryTargets entryTargets, long line) {
            entry(path, labels, line);
            targets.set(targets.size() - 1, Objects.requireNonNull(entryTargets, "targets"));
        }

        @Override
        public void problem(long line, String text, String reason) {
            problems.add(new Problem(line, text, reason));
        }
    }
}
