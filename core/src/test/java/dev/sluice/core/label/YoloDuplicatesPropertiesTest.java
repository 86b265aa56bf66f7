package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.LabelSink;
import dev.sluice.api.target.EntryTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the file, the boxes left are its distinct objects, each once: in file order when none
 * repeats, else sorted by class then value by value (Ultralytics' {@code lb[i]}), with one warning.
 */
class YoloDuplicatesPropertiesTest {
    /** Distinct boxes, each written three ways that read as the same float32 values. */
    private static final String[][] SPELLINGS = {
        {"0 0.5 0.5 0.25 0.25", "0 5e-1 0.50 0.25 2.5e-1", "0.0 .5 0.5 0.250 0.25"},
        {"0 0.5 0.5 0.25 0.5", "0 0.5 0.5 0.25 0.50", "0 0.5 0.5 25e-2 .5"},
        {"1 0 0.5 0.25 0.25", "1 -0.0 0.5 0.25 0.25", "1.0 0.0 0.5 0.25 0.25"},
        {"0 0.1 0.9 0.2 0.2", "0 0.10 0.90 0.20 0.20", "0 1e-1 9e-1 2e-1 2e-1"},
        {"2 0.1 0.1 0.1 0.1", "2 0.1 0.1 0.1 0.1", "2.0 0.1 0.1 0.1 0.1"},
    };
    /** The boxes of {@link #SPELLINGS} in Ultralytics' sorted order of their rows. */
    private static final int[] SORTED = {3, 0, 1, 2, 4};

    @Provide
    Arbitrary<List<int[]>> files() {
        return Arbitraries.integers().between(0, SPELLINGS.length - 1)
                .flatMap(box -> Arbitraries.integers().between(0, 2).map(spelling -> new int[] {box, spelling}))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 300)
    void theBoxesLeftAreTheDistinctOnesInUltralyticsOrder(@ForAll("files") List<int[]> file) {
        StringBuilder text = new StringBuilder();
        List<Integer> firstSeen = new ArrayList<>();
        int[] firstSpelling = new int[SPELLINGS.length];
        for (int[] line : file) {
            text.append(SPELLINGS[line[0]][line[1]]).append('\n');
            if (!firstSeen.contains(line[0])) {
                firstSeen.add(line[0]);
                firstSpelling[line[0]] = line[1];
            }
        }
        List<String> warnings = new ArrayList<>();
        Optional<EntryTargets> read = new YoloLines(false, Optional.empty(), Optional.empty()).read("x.txt", text.toString(),
                new LabelSink() {
                    @Override
                    public void entry(String path, long[] labels, long line) {
                        throw new AssertionError("no entry expected");
                    }

                    @Override
                    public void problem(long line, String problemText, String reason) {
                        throw new AssertionError(reason);
                    }

                    @Override
                    public void warning(long line, String warningText, String reason) {
                        warnings.add(reason);
                    }
                });
        List<Integer> expected = firstSeen;
        if (firstSeen.size() < file.size()) {
            TreeSet<Integer> present = new TreeSet<>(firstSeen);
            expected = new ArrayList<>();
            for (int box : SORTED) {
                if (present.contains(box)) {
                    expected.add(box);
                }
            }
        }
        StringBuilder left = new StringBuilder();
        for (int box : expected) {
            // the first occurrence is the one kept: its -0.0 stays -0.0
            left.append(SPELLINGS[box][firstSpelling[box]]).append('\n');
        }
        EntryTargets want = new YoloLines(false, Optional.empty(), Optional.empty()).read("y.txt", left.toString(), new LabelSink() {
            @Override
            public void entry(String path, long[] labels, long line) {
            }

            @Override
            public void problem(long line, String problemText, String reason) {
                throw new AssertionError(reason);
            }
        }).orElseThrow();
        assertArrayEquals(want.coordinates(), read.orElseThrow().coordinates(), text.toString());
        assertArrayEquals(want.labels(), read.orElseThrow().labels(), text.toString());
        assertEquals(firstSeen.size() < file.size() ? 1 : 0, warnings.size(), warnings.toString());
    }
}
