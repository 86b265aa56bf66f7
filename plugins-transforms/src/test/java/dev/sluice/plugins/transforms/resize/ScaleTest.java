package dev.sluice.plugins.transforms.resize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code scale}: the contract, OpenCV's output sizes, and its refusals. */
class ScaleTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "scale";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[3].scale", Map.of("fx", 0.5, "fy", 0.75));
    }

    @Override
    protected List<Image> sampleInputs() {
        return Samples.allChannelCounts();
    }

    @Override
    protected boolean isDeterministic() {
        return true;
    }

    @Test
    void outputSidesAreTheProductsRoundedHalfToEvenAsOpenCv() {
        Scale scale = (Scale) Samples.<Image, Image>create(new ScaleProvider(), Map.of("fx", 0.5));
        // 97 * 0.5 = 48.5 -> 48 and 73 * 0.5 = 36.5 -> 36 (half to even); 35 * 0.5 = 17.5 -> 18.
        assertEquals(new Size(48, 36), scale.outputSize(97, 73));
        assertEquals(new Size(18, 14), scale.outputSize(35, 27));
    }

    @Test
    void fyDefaultsToFx() {
        Scale scale = (Scale) Samples.<Image, Image>create(new ScaleProvider(), Map.of("fx", 2));
        assertEquals(new Size(70, 54), scale.outputSize(35, 27));
    }

    @Test
    void missingOrNonPositiveFactorsAreRefusedNamingTheKey() {
        assertEquals("transforms[0].scale.fx", assertThrows(OptionsException.class,
                () -> Samples.create(new ScaleProvider(), Map.of())).keyPath());
        assertEquals("transforms[0].scale.fy", assertThrows(OptionsException.class,
                () -> Samples.create(new ScaleProvider(), Map.of("fx", 1, "fy", 0))).keyPath());
        assertEquals("transforms[0].scale.fx", assertThrows(OptionsException.class,
                () -> Samples.create(new ScaleProvider(), Map.of("fx", "big"))).keyPath());
    }
}
