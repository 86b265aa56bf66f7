package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.JsonLabelFormatProvider;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.ResumableDataset.PositionedIterator;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a shard dataset yields, and how it reports and skips what it cannot read. */
class ShardDatasetTest {
    @TempDir
    Path dir;

    @Test
    void withoutShufflingSamplesComeInShardAndArchiveOrderDecodedWithTheirLabels() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 3, 5);
        ShardDataset<Image> dataset = ShardFixtures.builder(shards).build();
        try (PositionedIterator<LabeledSample<Image>> stream = dataset.iterator(0, null)) {
            LabeledSample<Image> first = stream.next();
            assertEquals(Image.wrap(2, 1, 3, new byte[6]), first.image());
            assertEquals(List.of(LongStream.range(1, 15).boxed().toArray()), List.of(ShardFixtures.labels(stream).toArray()));
        }
    }

    @Test
    void whereTheLabelsComeFromMustBeSaid() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 1, 2);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ShardDataset.builder(shards, new TinyImageDecoder()).build());
        assertEquals("say where the labels come from: labels(\"cls\", format), with a label format from the plugin "
                + "registry (such as txt), or noLabels()", refused.getMessage());
        ShardDataset<Image> unlabelled = ShardDataset.builder(shards, new TinyImageDecoder())
                .imageExtensions(List.of("tiny")).noLabels().build();
        try (PositionedIterator<LabeledSample<Image>> stream = unlabelled.iterator(0, null)) {
            assertEquals(0, stream.next().labelCount());
        }
    }

    @Test
    void aSampleWithoutAnImageNamesShardAndKey() throws IOException {
        Path shard = write("bad.tar", Map.of("000000", members("cls", "1")));
        Files.createDirectories(dir.resolve("more"));
        ShardDataset<Image> dataset = ShardFixtures.builder(List.of(shard)).build();
        ShardException e = assertThrows(ShardException.class, () -> dataset.iterator(0, null).hasNext());
        assertEquals(shard + ": 000000 (at byte 0): sample has no image member (it has cls; an image is one of tiny)",
                e.getMessage());
    }

    @Test
    void aLabelThatIsNotAnIntegerNamesTheMember() throws IOException {
        Path shard = write("bad.tar", Map.of("000007", members("tiny", "\u0002\u0001\u0009", "cls", "seven")));
        ShardException e = assertThrows(ShardException.class,
                () -> ShardFixtures.builder(List.of(shard)).build().iterator(0, null).next());
        assertEquals(shard + ": 000007.cls (at byte 0): label 'seven' is not an integer: 'seven'", e.getMessage());
    }

    @Test
    void anImageThatDoesNotDecodeNamesTheMemberAndKeepsTheCause() throws IOException {
        Path shard = write("bad.tar", Map.of("000003", members("tiny", "xxxx", "cls", "3")));
        ShardException e = assertThrows(ShardException.class,
                () -> ShardFixtures.builder(List.of(shard)).build().iterator(0, null).next());
        assertEquals(shard + ": 000003.tiny (at byte 0): cannot decode: not a tiny image: 4 bytes, expected 3",
                e.getMessage());
        assertEquals(dev.sluice.api.DecodeException.class, e.getCause().getClass());
    }

    @Test
    void aTruncatedShardNamesTheMemberItEndsIn() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 2, 4);
        byte[] bytes = Files.readAllBytes(shards.get(1));
        // Sample 6's image member: headers of samples 4 and 5 (two members each, 1024 bytes a member).
        Files.write(shards.get(1), Arrays.copyOf(bytes, 2 * 2048 + 512 + 1));
        ShardException e = assertThrows(ShardException.class,
                () -> ShardFixtures.labels(ShardFixtures.builder(shards).build().iterator(0, null)));
        assertEquals(shards.get(1) + ": 000006.tiny (at byte 4096): truncated: the archive ends 1 bytes into the "
                + "member's 3 data bytes", e.getMessage());
    }

    @Test
    void underSkipFailingSamplesAndTheRestOfABrokenShardArePassedOverAndCounted() throws IOException {
        Map<String, Map<String, byte[]>> samples = new LinkedHashMap<>();
        samples.put("000000", members("tiny", "\u0002\u0001\u0000", "cls", "0"));
        samples.put("000001", members("tiny", "broken", "cls", "1"));
        samples.put("000002", members("cls", "2"));
        samples.put("000003", members("tiny", "\u0002\u0001\u0003", "cls", "3"));
        Path mixed = write("mixed.tar", samples);
        List<Path> whole = ShardFixtures.write(Files.createDirectories(dir.resolve("more")), 2, 3);
        byte[] bytes = Files.readAllBytes(whole.get(1));
        Files.write(whole.get(1), Arrays.copyOf(bytes, 2048 + 100));
        ShardDataset<Image> dataset = ShardFixtures.builder(List.of(mixed, whole.get(0), whole.get(1)))
                .onError(ErrorPolicy.SKIP).build();
        assertEquals(List.of(0L, 3L, 0L, 1L, 2L, 3L), ShardFixtures.labels(dataset.iterator(0, null)));
        assertEquals(2, dataset.skippedSamples());
        assertEquals(1, dataset.skippedShards());
    }

    @Test
    void jsonLabelsAreReadByTheJsonFormat() throws IOException {
        Path shard = write("json.tar", Map.of("cats/000001", members("tiny", "\u0002\u0001\u0001",
                "json", "{\"label\": [4, 2], \"caption\": \"a cat\"}")));
        ShardDataset<Image> dataset = ShardFixtures.builder(List.of(shard))
                .labels("json", new JsonLabelFormatProvider().create(Options.empty())).build();
        assertEquals(List.of(4L, 2L), Arrays.stream(dataset.iterator(0, null).next().labels()).boxed().toList());
    }

    @Test
    void aFormatThatReadsNoMembersSaysSo() throws IOException {
        Path shard = write("csv.tar", Map.of("000001", members("tiny", "\u0002\u0001\u0001", "csv", "1")));
        ShardDataset<Image> dataset = ShardFixtures.builder(List.of(shard))
                .labels("csv", (source, sink) -> { }).build();
        ShardException e = assertThrows(ShardException.class, () -> dataset.iterator(0, null).next());
        assertTrue(e.getMessage().startsWith(shard + ": 000001.csv (at byte 0): 000001.csv: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("reads label files, not the labels of one sample; use a label format that "
                + "reads members (txt reads .cls, json reads .json)"), e.getMessage());
    }

    @Test
    void unlabelledSamplesHaveNoLabels() throws IOException {
        Path shard = write("plain.tar", Map.of("000001", members("tiny", "\u0002\u0001\u0001")));
        assertEquals(0, ShardFixtures.builder(List.of(shard)).noLabels().build().iterator(0, null).next().labelCount());
    }

    @Test
    void missingAndRepeatedShardsAreRefusedWhenBuilding() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 1, 1);
        assertEquals("no such shard: " + dir.resolve("nope.tar"), assertThrows(IllegalArgumentException.class,
                () -> ShardFixtures.builder(List.of(shards.get(0), dir.resolve("nope.tar"))).build()).getMessage());
        assertEquals(shards.get(0) + " is listed twice; each shard must be read once an epoch",
                assertThrows(IllegalArgumentException.class,
                        () -> ShardFixtures.builder(List.of(shards.get(0), shards.get(0))).build()).getMessage());
    }

    @Test
    void anEndedStreamSaysSoAndReleasesItsShard() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 1, 2);
        PositionedIterator<LabeledSample<Image>> stream = ShardFixtures.builder(shards).build().iterator(0, null);
        ShardFixtures.labels(stream);
        assertFalse(stream.hasNext());
        assertEquals("the shard stream of rank 0 of 1, worker 0 of 1 has ended",
                assertThrows(java.util.NoSuchElementException.class, stream::next).getMessage());
        Files.delete(shards.get(0));
    }

    private Path write(String name, Map<String, Map<String, byte[]>> samples) throws IOException {
        Path shard = dir.resolve(name);
        try (TarWriter writer = new TarWriter(Files.newOutputStream(shard), 0)) {
            for (Map.Entry<String, Map<String, byte[]>> sample : samples.entrySet()) {
                for (Map.Entry<String, byte[]> member : sample.getValue().entrySet()) {
                    writer.add(sample.getKey() + "." + member.getKey(), member.getValue());
                }
            }
        }
        return shard;
    }

    private static Map<String, byte[]> members(String... extensionsAndTexts) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (int i = 0; i < extensionsAndTexts.length; i += 2) {
            members.put(extensionsAndTexts[i], extensionsAndTexts[i + 1].getBytes(StandardCharsets.ISO_8859_1));
        }
        return members;
    }
}
