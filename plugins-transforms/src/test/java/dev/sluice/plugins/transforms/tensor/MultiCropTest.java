package dev.sluice.plugins.transforms.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.target.UnsupportedTargetsException;
import dev.sluice.plugins.transforms.FixtureCases;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code five_crop} and {@code ten_crop}: torchvision's stacked crops of a real photograph bit for bit,
 * any dtype and leading dimensions, batches through normalize, and torchvision v2's treatment of targets.
 */
class MultiCropTest {
    private static final Map<String, TransformProvider> PROVIDERS = Map.of("five_crop", new FiveCropProvider(),
            "ten_crop", new TenCropProvider());

    private static Tensor tensor(String input) {
        return ToTensor.of().apply(Fixtures.input(input), new SplittableRandom(0));
    }

    @FixtureCases({"to_tensor,five_crop", "to_tensor,ten_crop"})
    @SuppressWarnings("unchecked")
    void stackedCropsMatchTorchvision(Fixtures.Case c) {
        String id = c.transform().split(",")[1];
        Transform<Tensor, Tensor> crop = (Transform<Tensor, Tensor>) PROVIDERS.get(id).create(c.optionsAt("t." + id));
        Fixtures.assertAgrees(c, crop.apply(tensor(c.input()), new SplittableRandom(0)));
    }

    @Test
    void uint8TensorsAndLeadingDimensionsAreCroppedAlike() {
        byte[] values = new byte[2 * 3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) i;
        }
        Tensor out = FiveCrop.of(2).apply(Tensor.ofBytes(new int[] {2, 3, 4}, values), new SplittableRandom(0));
        assertArrayEquals(new int[] {5, 2, 2, 2}, out.shape());
        assertEquals(DType.UINT8, out.dtype());
        // Crop 1 (top-right, left = 2) of plane 1 (values 12..23): rows 0-1, columns 2-3.
        byte[] got = out.toByteArray();
        assertArrayEquals(new byte[] {14, 15, 18, 19}, java.util.Arrays.copyOfRange(got, 12, 16));
        // Crop 4 (centre): top = rint(0.5) = 0, left = rint(1.0) = 1.
        assertArrayEquals(new byte[] {1, 2, 5, 6}, java.util.Arrays.copyOfRange(got, 32, 36));
    }

    @Test
    void aBatchOfCropsNormalizesPlanePerChannel() {
        Tensor crops = TenCrop.of(16).apply(tensor("grass"), new SplittableRandom(0));
        Tensor normalized = Normalize.of(new double[] {0.5, 0.4, 0.3}, new double[] {0.2, 0.2, 0.2})
                .apply(crops, new SplittableRandom(0));
        assertArrayEquals(new int[] {10, 3, 16, 16}, normalized.shape());
        float[] in = crops.toFloatArray();
        float[] out = normalized.toFloatArray();
        int at = 7 * 3 * 256 + 2 * 256 + 5;  // crop 7, channel 2
        assertEquals((in[at] - 0.3f) / 0.2f, out[at], 1e-6f);
    }

    @Test
    void boxesAndMasksAreRefusedKeyPointsPass() {
        Tensor t = tensor("grass");
        CanvasSize canvas = new CanvasSize(27, 35);
        Targets boxes = Targets.NONE.withBoxes(BoundingBoxes.of(BoxFormat.XYXY, canvas, new float[] {1, 2, 10, 12},
                new long[] {3}));
        UnsupportedTargetsException refused = assertThrows(UnsupportedTargetsException.class,
                () -> FiveCrop.of(10).applyWithTargets(Targeted.of(t, boxes), new SplittableRandom(0)));
        assertTrue(refused.getMessage().contains("five_crop cannot carry bounding boxes"), refused.getMessage());
        Targets points = Targets.NONE.withKeyPoints(KeyPoints.of(canvas, new float[] {4, 5}));
        Targeted<Tensor> out = TenCrop.of(10).applyWithTargets(Targeted.of(t, points), new SplittableRandom(0));
        assertEquals(points, out.targets());
        assertArrayEquals(new int[] {10, 3, 10, 10}, out.value().shape());
    }

    @Test
    void badSizesAreRefusedNamingTheKey() {
        assertEquals("transforms[0].five_crop.size", assertThrows(OptionsException.class,
                () -> Samples.create(new FiveCropProvider(), Map.of())).keyPath());
        assertEquals("transforms[0].ten_crop.size", assertThrows(OptionsException.class,
                () -> Samples.create(new TenCropProvider(), Map.of("size", List.of(1, 2, 3)))).keyPath());
        assertEquals("transforms[0].ten_crop.vertical_flip", assertThrows(OptionsException.class,
                () -> Samples.create(new TenCropProvider(), Map.of("size", 3, "vertical_flip", "up"))).keyPath());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> FiveCrop.of(30).apply(tensor("grass"), new SplittableRandom(0)));
        assertEquals("five_crop: Requested crop size (30, 30) is bigger than input size (27, 35)", tooBig.getMessage());
    }

    @Test
    void takesTensorsSoAPipelinePutsItAfterToTensor() {
        assertEquals(Tensor.class, FiveCrop.of(3).inputType());
        assertEquals(Image.class, ToTensor.of().inputType());
    }
}
