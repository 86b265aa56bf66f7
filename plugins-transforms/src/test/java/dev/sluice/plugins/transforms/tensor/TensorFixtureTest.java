package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.FixtureCases;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import dev.sluice.plugins.transforms.containers.ComposeProvider;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * to_tensor, normalize, to_dtype and the evaluation pipeline (fused and step by step) against
 * torchvision on real photographs: tensors equal bit for bit, the pipeline within one 8-bit level
 * after normalisation.
 */
class TensorFixtureTest {
    private static final Map<String, TransformProvider> PROVIDERS = Map.of(
            "to_tensor", new ToTensorProvider(),
            "normalize", new NormalizeProvider(),
            "to_dtype", new ToDtypeProvider());

    @FixtureCases({"to_tensor", "to_tensor,normalize", "to_tensor,to_dtype"})
    @SuppressWarnings("unchecked")
    void chainMatchesTorchvision(Fixtures.Case c) {
        String[] ids = c.transform().split(",");
        Object value = Fixtures.input(c.input());
        for (int i = 0; i < ids.length; i++) {
            Options options = i == ids.length - 1 ? c.optionsAt("t." + ids[i]) : Options.empty();
            value = ((Transform<Object, Object>) PROVIDERS.get(ids[i]).create(options)).apply(value, new SplittableRandom(0));
        }
        Tensor out = (Tensor) value;
        if (out.dtype() == dev.sluice.api.DType.UINT8 || out.dtype() == dev.sluice.api.DType.UINT16) {
            // The fixture holds uint8 and uint16 tensors as HWC images.
            Fixtures.assertAgrees(c, hwc(out));
        } else {
            Fixtures.assertAgrees(c, out);
        }
    }

    private static Image hwc(Tensor chw) {
        int channels = chw.dim(0);
        int h = chw.dim(1);
        int w = chw.dim(2);
        int bytes = chw.dtype().byteSize();
        byte[] in = chw.toByteArray();
        byte[] out = new byte[in.length];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < h * w; p++) {
                System.arraycopy(in, (c * h * w + p) * bytes, out, (p * channels + c) * bytes, bytes);
            }
        }
        return Image.wrap(chw.dtype(), w, h, channels, ByteBuffer.wrap(out));
    }

    /** The standard evaluation pipeline, configured through compose (fused) and as separate steps. */
    @FixtureCases("eval-pipeline")
    @SuppressWarnings("unchecked")
    void evaluationPipelineMatchesTorchvisionFusedAndStepByStep(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        List<Object> steps = new ArrayList<>();
        steps.add(Map.of("resize", Map.of("size", o.getInt("size", 0))));
        steps.add(Map.of("center_crop", Map.of("size", o.getInt("crop", 0))));
        steps.add("to_tensor");
        steps.add(Map.of("normalize", Map.of("mean", o.raw("mean"), "std", o.raw("std"))));
        Transform<Object, Object> fused = new ComposeProvider().create(Options.of("t.compose", Map.of("transforms", steps)), DiscoveredTransforms.onClassPath());
        Image input = Fixtures.input(c.input());
        Fixtures.assertAgrees(c, (Tensor) fused.apply(input, new SplittableRandom(0)));

        Object value = input;
        for (Object step : steps) {
            Transform<Object, Object> single = new ComposeProvider().create(Options.of("t.compose", Map.of("transforms", List.of(step))), DiscoveredTransforms.onClassPath());
            value = single.apply(value, new SplittableRandom(0));
        }
        Fixtures.assertAgrees(c, (Tensor) value);
        Tensor f = (Tensor) fused.apply(input, new SplittableRandom(0));
        org.junit.jupiter.api.Assertions.assertEquals(ByteBuffer.wrap(((Tensor) value).toByteArray()), ByteBuffer.wrap(f.toByteArray()),
                "fused and step-by-step outputs differ");
    }
}
