package dev.sluice.core.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.api.target.BatchBoxes;
import dev.sluice.api.target.BatchTargets;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.core.collate.LabeledBatch;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What MixUp, CutMix and MixChoice refuse, with which words, and how their draws are distributed. */
class MixChecksTest {
    private static final TensorAllocator HEAP = TensorAllocator.heap();

    private static LabeledBatch batch(Tensor labels) {
        int n = labels.dim(0);
        float[] pixels = new float[n * 3 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i % 7 / 7f;
        }
        return new LabeledBatch(Tensor.ofFloats(new int[] {n, 3, 4, 5}, pixels), labels);
    }

    private static String refusal(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void parametersOutOfRangeAreRefusedByName() {
        assertEquals("mixup: alpha must be a finite number > 0 (the Beta distribution's concentration), was 0.0",
                refusal(() -> new MixUp(0, 10)));
        assertTrue(refusal(() -> new CutMix(Double.NaN, 10)).startsWith("cutmix: alpha must be"));
        assertEquals("mixup: num_classes must be >= 1, was 0", refusal(() -> new MixUp(1, 0)));
        assertEquals("cutmix: p must be a probability in [0, 1], was 1.5", refusal(() -> new CutMix(1, 3, 1.5)));
        assertEquals("Length of p doesn't match the number of transforms: 1 != 2",
                refusal(() -> new MixChoice(List.of(new MixUp(1, 3), new CutMix(1, 3)), new double[] {1})));
        assertEquals("random_choice: the weights p are all 0, so no transform can be picked",
                refusal(() -> new MixChoice(List.of(new MixUp(1, 3)), new double[] {0})));
        assertEquals("random_choice: p[1] must be a finite weight >= 0, was -1.0",
                refusal(() -> new MixChoice(List.of(new MixUp(1, 3), new CutMix(1, 3)), new double[] {1, -1})));
    }

    @Test
    void labelsThatAreNotClassIndicesInRangeAreRefusedNamingTheSample() {
        SplittableRandom random = new SplittableRandom(1);
        MixUp mixUp = new MixUp(1, 4);
        assertEquals("mixup: the label of sample 2 of the batch is 4, outside [0, 4) for num_classes=4",
                refusal(() -> mixUp.apply(batch(Tensor.ofLongs(new int[] {3}, 0, 3, 4)), random, HEAP)));
        assertEquals("mixup: the label of sample 0 of the batch is -1, outside [0, 4) for num_classes=4",
                refusal(() -> mixUp.apply(batch(Tensor.ofLongs(new int[] {2}, -1, 3)), random, HEAP)));
        assertEquals("mixup: labels of one value per sample must be integer class indices, these are float32",
                refusal(() -> mixUp.apply(batch(Tensor.ofFloats(new int[] {2}, 1f, 2f)), random, HEAP)));
        assertTrue(refusal(() -> mixUp.apply(batch(Tensor.ofLongs(new int[] {2, 2}, 0, 1, 2, 3)), random, HEAP))
                .startsWith("mixup: each sample has 2 labels; mixing needs one class index per sample"));
        assertEquals("mixup: probability labels must be [N, num_classes]; the batch has 3 per sample, num_classes is 4",
                refusal(() -> mixUp.apply(batch(Tensor.ofFloats(new int[] {1, 3}, 0.5f, 0.5f, 0f)), random, HEAP)));
    }

    @Test
    void aBatchWithTargetsIsRefusedRatherThanLosingThem() {
        LabeledBatch plain = batch(Tensor.ofLongs(new int[] {1}, 0));
        BatchTargets targets = new BatchTargets(1, new CanvasSize(4, 5), Optional.of(new BatchBoxes(
                Tensor.ofFloats(new int[] {1, 4}, 0, 0, 2, 2), Tensor.ofLongs(new int[] {1}, 0),
                Tensor.ofLongs(new int[] {1}, 3), Optional.empty())), Optional.empty(), Optional.empty());
        LabeledBatch detection = new LabeledBatch(plain.images(), plain.labels(), Optional.of(targets));
        assertEquals("mixup: the batch carries boxes, masks or key points, which mixup does not mix (torchvision v2 "
                + "refuses them too); leave it out of a detection or segmentation configuration",
                refusal(() -> new MixUp(1, 4).apply(detection, new SplittableRandom(1), TensorAllocator.heap())));
    }

    @Test
    void imagesThatCannotBeMixedAreRefused() {
        SplittableRandom random = new SplittableRandom(1);
        Tensor labels = Tensor.ofLongs(new int[] {2}, 0, 1);
        LabeledBatch bytes = new LabeledBatch(Tensor.ofBytes(new int[] {2, 1, 2, 2}, new byte[8]), labels);
        assertTrue(refusal(() -> new MixUp(1, 2).apply(bytes, random, HEAP))
                .startsWith("mixup: the images are uint8 [2, 1, 2, 2]; MixUp blends pixels, which needs float32"));
        LabeledBatch hwc = new LabeledBatch(Tensor.ofFloats(new int[] {2, 4, 3}, new float[24]), labels);
        assertTrue(refusal(() -> new CutMix(1, 2).apply(hwc, random, HEAP))
                .startsWith("cutmix: expected a batch of images [N, C, H, W] (4 dimensions"));
        LabeledBatch mismatched = new LabeledBatch(Tensor.ofFloats(new int[] {3, 1, 1, 1}, 1, 2, 3), labels);
        assertEquals("cutmix: the batch has 3 images and 2 labels",
                refusal(() -> new CutMix(1, 2).apply(mismatched, random, HEAP)));
        // CutMix copies any dtype.
        LabeledBatch cut = new CutMix(1, 2).apply(bytes, random, HEAP);
        assertArrayEquals(new int[] {2, 2}, cut.labels().shape());
    }

    @Test
    void lambdaFollowsBetaAlphaAlphaInFloat32() {
        for (double alpha : new double[] {0.2, 1.0, 4.0}) {
            SplittableRandom random = new SplittableRandom(18);
            int draws = 40_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                double lambda = Lambda.draw(random, alpha);
                assertTrue(lambda >= 0 && lambda <= 1 && lambda == (float) lambda);
                sum += lambda;
                squares += lambda * lambda;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            assertEquals(0.5, mean, 0.01, "alpha " + alpha);
            assertEquals(1 / (4 * (2 * alpha + 1)), variance, 0.01, "alpha " + alpha);
        }
    }

    @Test
    void pGatesTheMixingAndAnUnmixedBatchStillGetsOneHotLabels() {
        LabeledBatch input = batch(Tensor.ofLongs(new int[] {3}, 2, 0, 1));
        LabeledBatch unmixed = new MixUp(1, 3, 0).apply(input, new SplittableRandom(3), HEAP);
        assertSame(input.images(), unmixed.images());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, unmixed.labels().toFloatArray());
        SplittableRandom random = new SplittableRandom(5);
        int mixed = 0;
        for (int i = 0; i < 4000; i++) {
            LabeledBatch out = new MixUp(1, 3, 0.3).apply(batch(Tensor.ofLongs(new int[] {3}, 2, 0, 1)), random, HEAP);
            mixed += out.labels().toFloatArray()[2] < 1 ? 1 : 0;
        }
        assertEquals(0.3, mixed / 4000.0, 0.04);
    }

    @Test
    void theChoiceFollowsItsWeightsAndDescribesItself() {
        MixChoice choice = new MixChoice(List.of(new MixUp(0.2, 10), new CutMix(1.0, 10)), new double[] {3, 1});
        SplittableRandom random = new SplittableRandom(9);
        int first = 0;
        for (int i = 0; i < 8000; i++) {
            first += choice.pick(random.nextDouble()) == 0 ? 1 : 0;
        }
        assertEquals(0.75, first / 8000.0, 0.02);
        assertEquals("random_choice(0.75*mixup(alpha=0.2,p=1.0,num_classes=10),0.25*cutmix(alpha=1.0,p=1.0,"
                + "num_classes=10))", choice.describe());
        assertEquals(1, new MixChoice(List.of(new MixUp(1, 2), new CutMix(1, 2)), new double[] {0, 1}).pick(0.0));
    }

    @Test
    void theCutBoxIsTorchvisionsClippedBox() {
        // lambda 0.19 on 10 x 8: r = 0.45, half sizes trunc(4.5) = 4 and trunc(3.6) = 3.
        assertArrayEquals(new int[] {0, 4, 6, 8}, CutMix.box(0.19, 2, 7, 10, 8));
        assertArrayEquals(new int[] {5, 0, 10, 3}, CutMix.box(0.19, 9, 0, 10, 8));
        assertArrayEquals(new int[] {3, 3, 3, 3}, CutMix.box(1.0, 3, 3, 10, 8));
    }
}
