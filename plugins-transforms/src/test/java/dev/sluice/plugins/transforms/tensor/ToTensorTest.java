package dev.sluice.plugins.transforms.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Tensor;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code to_tensor}: the contract and the CHW layout of level / 255. */
class ToTensorTest extends ConfiguredTransformContract<Image, Tensor> {

    ToTensorTest() {
        super("to_tensor", Options.empty(), Samples::allChannelCounts, DETERMINISTIC);
    }

    @Test
    void channelsBecomePlanesOfLevelOver255() {
        Image image = Image.wrap(2, 1, 3, new byte[] {0, 51, (byte) 255, 1, 2, 3});
        Tensor tensor = Samples.<Image, Tensor>create(new ToTensorProvider(), Map.of()).apply(image, new SplittableRandom(0));
        assertEquals(DType.FLOAT32, tensor.dtype());
        assertArrayEquals(new int[] {3, 1, 2}, tensor.shape());
        assertArrayEquals(new float[] {0f, 1 / 255f, 51 / 255f, 2 / 255f, 1f, 3 / 255f}, tensor.toFloatArray());
    }

    @Test
    void optionsAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(dev.sluice.api.OptionsException.class,
                () -> new ToTensorProvider().create(Options.of("t", Map.of("scale", true))));
    }
}
