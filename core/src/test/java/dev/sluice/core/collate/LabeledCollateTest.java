package dev.sluice.core.collate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Collate;
import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.api.contract.CollateContract;
import dev.sluice.core.dataset.LabeledSample;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledCollateTest extends CollateContract<LabeledSample<?>, LabeledBatch> {

    @Override
    protected Collate<LabeledSample<?>, LabeledBatch> createCollate() {
        return new LabeledCollate();
    }

    @Override
    protected List<List<LabeledSample<?>>> sampleBatches() {
        return List.of(
                List.of(sample(Tensor.ofFloats(new int[] {3, 1, 1}, 0.1f, 0.2f, 0.3f), 4)),
                List.of(sample(Tensor.ofFloats(new int[] {2}, 1, 2), 0, 1),
                        sample(Tensor.ofFloats(new int[] {2}, 3, 4), 1, 0),
                        sample(Tensor.ofFloats(new int[] {2}, 5, 6), 1, 1)),
                List.of(sample(Image.wrap(2, 1, 3, new byte[] {1, 2, 3, 4, 5, 6}), 7),
                        sample(Image.wrap(2, 1, 3, new byte[] {6, 5, 4, 3, 2, 1}), 8)),
                List.of(sample(Tensor.ofFloats(new int[] {1}, 1)), sample(Tensor.ofFloats(new int[] {1}, 2))));
    }

    @Override
    protected List<List<LabeledSample<?>>> invalidBatches() {
        return List.of(
                List.of(sample(Tensor.ofFloats(new int[] {1}, 1), 1, 2), sample(Tensor.ofFloats(new int[] {1}, 1), 1)),
                List.of(sample(Tensor.ofFloats(new int[] {1}, 1), 1), sample(Tensor.ofFloats(new int[] {2}, 1, 2), 1)),
                List.of(sample("not an input", 1)),
                List.of(sample(Tensor.ofBytes(new int[] {1, 1, 1}, (byte) 1), 1), sample(Image.wrap(1, 1, 1, new byte[1]), 1)));
    }

    private static LabeledSample<?> sample(Object input, long... labels) {
        return new LabeledSample<>(input, labels);
    }

    private static LabeledBatch collate(LabeledSample<?>... samples) {
        return new LabeledCollate().collate(Arrays.asList(samples), TensorAllocator.heap());
    }

    private static String refusal(LabeledSample<?>... samples) {
        return assertThrows(IllegalArgumentException.class, () -> collate(samples)).getMessage();
    }

    @Test
    void imagesAndLabelsBecomeBatchHeightWidthChannelsAndBatchByLabelCount() {
        LabeledBatch batch = collate(
                sample(Image.wrap(1, 2, 3, new byte[] {1, 2, 3, 4, 5, 6}), 3, 1),
                sample(Image.wrap(1, 2, 3, new byte[] {7, 8, 9, 10, 11, 12}), 0, 2));

        assertEquals(DType.UINT8, batch.images().dtype());
        assertArrayEquals(new int[] {2, 2, 1, 3}, batch.images().shape());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, batch.images().toByteArray());
        assertEquals(Tensor.ofLongs(new int[] {2, 2}, 3, 1, 0, 2), batch.labels());
        assertEquals(2, batch.size());
    }

    @Test
    void tensorInputsAreStackedAsDefaultCollateStacksThem() {
        Tensor first = Tensor.ofFloats(new int[] {3, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Tensor second = Tensor.ofFloats(new int[] {3, 2, 2}, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);

        LabeledBatch batch = collate(sample(first, 1), sample(second, 2));

        assertEquals(DefaultCollate.instance().collate(List.of(first, second), TensorAllocator.heap()), batch.images());
        assertEquals(Tensor.ofLongs(new int[] {2}, 1, 2), batch.labels());
    }

    @Test
    void oneLabelEachBecomesAVectorAsPyTorchCollatesClassIndices() {
        Tensor input = Tensor.ofFloats(new int[] {1}, 1);
        LabeledBatch batch = collate(sample(input, 4), sample(input, 0), sample(input, 9));
        assertEquals(DType.INT64, batch.labels().dtype());
        assertArrayEquals(new int[] {3}, batch.labels().shape());
        assertArrayEquals(new long[] {4, 0, 9}, batch.labels().toLongArray());
        assertEquals(3, batch.size());
    }

    @Test
    void aBatchOfOneSampleWithOneLabelIsAVectorOfOne() {
        LabeledBatch batch = collate(sample(Tensor.ofFloats(new int[] {1}, 1), 6));
        assertEquals(Tensor.ofLongs(new int[] {1}, 6), batch.labels());
    }

    @Test
    void samplesWithoutLabelsGiveAnEmptyLabelColumn() {
        LabeledBatch batch = collate(sample(Tensor.ofFloats(new int[] {1}, 1)), sample(Tensor.ofFloats(new int[] {1}, 2)));
        assertArrayEquals(new int[] {2, 0}, batch.labels().shape());
    }

    @Test
    void labelsOfUnequalLengthAreRefusedNamingTheSampleAndTheCounts() {
        Tensor input = Tensor.ofFloats(new int[] {1}, 1);
        assertEquals("labels of unequal length: 2 at entry 0 and 1 at entry 2",
                refusal(sample(input, 1, 2), sample(input, 3, 4), sample(input, 5)));
    }

    @Test
    void unequalInputsAreRefusedNamingTheEntry() {
        assertEquals("stack expects each tensor to be equal size, but got [3] at entry 0 and [4] at entry 1 (in input)",
                refusal(sample(Tensor.ofFloats(new int[] {3}, 1, 2, 3), 0), sample(Tensor.ofFloats(new int[] {4}, 1, 2, 3, 4), 0)));
        assertEquals("stack expects each image to be equal size, but got Image[1x1x3] at entry 0 and Image[1x1x1] at entry 1 (in input)",
                refusal(sample(Image.wrap(1, 1, 3, new byte[3]), 0), sample(Image.wrap(1, 1, 1, new byte[1]), 0)));
    }

    @Test
    void inputsThatAreNeitherTensorsNorImagesAreRefused() {
        assertEquals("LabeledCollate: inputs must be tensors or images; found float[] at entry 1",
                refusal(sample(Tensor.ofFloats(new int[] {1}, 1), 0), sample(new float[] {1}, 0)));
    }

    @Test
    void tensorAndImageInputsCannotMix() {
        assertEquals("LabeledCollate: the input at entry 1 is a dev.sluice.api.Image but the one at entry 0 is a"
                        + " dev.sluice.api.Tensor; a batch's inputs must all be tensors or all be images",
                refusal(sample(Tensor.ofBytes(new int[] {1, 1, 1}, (byte) 1), 0), sample(Image.wrap(1, 1, 1, new byte[1]), 0)));
    }

    @Test
    void aNullSampleIsRefusedNamingItsEntry() {
        assertEquals("LabeledCollate: the sample at entry 1 is null",
                refusal(sample(Tensor.ofFloats(new int[] {1}, 1), 0), null));
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LabeledCollate().collate(List.of(), TensorAllocator.heap()));
    }

    @Test
    void aRefusedInputGivesBackTheLabelMemory() {
        RecordingAllocator allocator = new RecordingAllocator();

        assertThrows(IllegalArgumentException.class, () -> new LabeledCollate().collate(List.of(
                sample(Tensor.ofFloats(new int[] {1}, 1), 0), sample(Tensor.ofFloats(new int[] {2}, 1, 2), 0)), allocator));

        assertEquals(1, allocator.allocated.size(), "the batch buffer, taken at the first input, before the second is refused");
        assertTrue(allocator.everythingCameBack());
    }
}
