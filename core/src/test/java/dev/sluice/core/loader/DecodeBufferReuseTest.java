package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Collate;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.testing.RandomCropToFloats;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loader lends its threads' decode buffers only where each image's life ends when its sample is
 * written into the batch: the slot route, with a transform that says it lets go of its input. There
 * every worker thread decodes into its own buffers and the batches are those of fresh memory; an
 * image that escapes (a sample returned whole, a transform that keeps its inputs) is never decoded
 * into lent memory, so it never changes after it was returned.
 */
class DecodeBufferReuseTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private Path images;
    private LabelIndex index;
    private final List<byte[]> files = new ArrayList<>();

    /** 40 images whose sizes shrink and grow from one to the next, each filled with its own level. */
    @BeforeEach
    void writeImagesOfManySizes() throws IOException {
        images = Files.createDirectories(dir.resolve("images"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            int width = i % 2 == 0 ? 60 - i : 3 + i % 5;
            int height = i % 3 == 0 ? 40 - i / 2 : 2 + i % 4;
            byte[] bytes = TinyImageDecoder.encode(width, height, 5 + 6 * i);
            files.add(bytes);
            Files.write(images.resolve("img" + i + ".tiny"), bytes);
            lines.append("img").append(i).append(".tiny ").append(i % 3).append('\n');
        }
        index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()),
                Files.writeString(dir.resolve("train.txt"), lines), images);
    }

    @AfterEach
    void noWorkerIsLeft() {
        Threads.assertNoWorkersWithin(5_000);
    }

    private Image fresh(long sample) throws Exception {
        return new TinyImageDecoder().decode(ByteBuffer.wrap(files.get((int) sample)), DecodeOptions.DEFAULT);
    }

    private <T> List<T> epoch(ImageLabelDataset<?> dataset, Collate<LabeledSample<?>, T> collate, int workers) {
        @SuppressWarnings("unchecked")
        ImageLabelDataset<Object> samples = (ImageLabelDataset<Object>) dataset;
        try (DataLoader<LabeledSample<Object>, T> loader = DataLoader.builder(samples).batchSize(6).shuffle(true)
                .seed(3).numWorkers(workers).collate(collate).build()) {
            List<T> batches = new ArrayList<>();
            for (T batch : loader) {
                batches.add(batch);
            }
            return batches;
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {0, 1, 2, 3})
    void aReleasingSlotTransformDecodesIntoEachThreadsOwnBuffersGivingTheSameBatches(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            TinyImageDecoder lending = new TinyImageDecoder();
            List<LabeledBatch> reused = epoch(ImageLabelDataset.builder(index, images, lending)
                    .transform(RandomCropToFloats.releasing()).build(), new LabeledCollate(), workers);
            TinyImageDecoder plain = new TinyImageDecoder();
            List<LabeledBatch> own = epoch(ImageLabelDataset.builder(index, images, plain)
                    .transform(new RandomCropToFloats()).build(), new LabeledCollate(), workers);

            assertEquals(own, reused, "batches decoded into lent buffers and into memory of their own");
            assertEquals(0, plain.lent.get(), "a transform that does not say it lets go is never lent buffers");
            assertEquals(40, lending.lent.get(), "every sample of the slot route decoded into lent buffers");
            assertTrue(lending.lenders.size() <= Math.max(1, workers), "one buffers object per thread at most: "
                    + lending.lenders.size());
            for (Map<String, Boolean> threads : lending.lenders.values()) {
                assertEquals(1, threads.size(), "buffers lent by one thread only, not " + threads.keySet());
                String thread = threads.keySet().iterator().next();
                assertTrue(workers == 0 || thread.startsWith("sluice-worker-"), thread);
            }
        });
    }

    @Test
    void samplesReturnedWholeKeepTheirPixelsAcrossTheEpoch() {
        assertTimeoutPreemptively(LIMIT, () -> {
            TinyImageDecoder decoder = new TinyImageDecoder();
            ImageLabelDataset<Image> dataset = ImageLabelDataset.builder(index, images, decoder).build();
            List<List<LabeledSample<?>>> kept = epoch(dataset,
                    (samples, allocator) -> List.<LabeledSample<?>>copyOf(samples), 2);
            int count = 0;
            for (List<LabeledSample<?>> batch : kept) {
                for (LabeledSample<?> sample : batch) {
                    Image image = (Image) sample.image();
                    int level = image.get(0, 0, 0);
                    long entry = (level - 5) / 6;
                    assertEquals(fresh(entry), image, "sample of image " + entry + ", held to the end of the epoch");
                    count++;
                }
            }
            assertEquals(40, count);
            assertEquals(0, decoder.lent.get(), "an image returned whole is decoded into memory of its own");
        });
    }

    @Test
    void inputsKeptByASlotTransformKeepTheirPixelsAcrossTheEpoch() {
        assertTimeoutPreemptively(LIMIT, () -> {
            TinyImageDecoder decoder = new TinyImageDecoder();
            RandomCropToFloats keeping = RandomCropToFloats.keeping();
            epoch(ImageLabelDataset.builder(index, images, decoder).transform(keeping).build(), new LabeledCollate(), 2);
            assertEquals(40, keeping.kept.size());
            for (Image image : keeping.kept) {
                long entry = (image.get(0, 0, 0) - 5) / 6;
                assertEquals(fresh(entry), image, "input of image " + entry + ", kept by the transform");
            }
            assertEquals(0, decoder.lent.get(), "a transform that keeps its inputs is never given lent memory");
        });
    }
}
