package dev.sluice.plugins.transforms.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.plugins.transforms.FixtureCases;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AutoAugment family against torchvision 0.14 on real photographs, given the drawn ops: each op at a
 * bin of a family's own magnitude table (so the table and the op are checked together), AugMix's
 * mixture of given chains with given weights, and every magnitude table value for value.
 */
class AugmentFixtureTest {

    @FixtureCases("augment-op")
    void opMatchesTorchvision(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        Image input = Fixtures.input(c.input());
        OpSpace space = space(o.getString("family", null), o.getInt("bins", 0), input.width(), input.height());
        Step step = Step.of(space.of(AugmentOp.named(o.getString("op", null))), o.getInt("bin", 0),
                o.getBoolean("negate", false));
        Fixtures.assertAgrees(c, Step.run(input, List.of(step), sampling(o)));
    }

    @FixtureCases("aug-mix")
    void augMixMixtureMatchesTorchvision(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        Image input = Fixtures.input(c.input());
        OpSpace space = OpSpace.augMix(true, input.width(), input.height());
        double[] weights = o.getDoubles("weights", null);
        float[] chainWeights = new float[weights.length - 1];
        List<List<Step>> chains = new ArrayList<>();
        for (int i = 0; i < chainWeights.length; i++) {
            chainWeights[i] = (float) weights[i + 1];
            @SuppressWarnings("unchecked")
            List<Object> names = (List<Object>) o.raw("ops" + i);
            double[] bins = o.getDoubles("bins" + i, null);
            double[] negate = o.getDoubles("negate" + i, null);
            List<Step> chain = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                chain.add(Step.of(space.of(AugmentOp.named((String) names.get(k))), (int) bins[k], negate[k] == 1));
            }
            chains.add(chain);
        }
        AugMix.Draw draw = new AugMix.Draw((float) weights[0], chainWeights, chains);
        Fixtures.assertAgrees(c, AugMix.mix(input, draw, sampling(o)));
    }

    @Test
    void magnitudeTablesAreTorchvisionsValueForValue() throws IOException {
        int tables = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/fixtures/augment-magnitudes.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                OpSpace space = space(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                float[] actual = space.of(AugmentOp.named(f[4])).bins();
                String[] expected = f[5].split(" ");
                assertEquals(expected.length, actual.length, line);
                for (int k = 0; k < expected.length; k++) {
                    float want = (float) Double.parseDouble(expected[k]);
                    assertEquals(want, actual[k], 0f, f[0] + " " + f[1] + " bins " + f[2] + "x" + f[3] + " " + f[4] + " bin " + k);
                }
                tables++;
            }
        }
        assertTrue(tables > 100, "read " + tables + " tables");
    }

    private static OpSpace space(String family, int bins, int width, int height) {
        return switch (family) {
            case "auto_augment" -> OpSpace.autoAugment(false, bins, width, height);
            case "rand_augment" -> OpSpace.autoAugment(true, bins, width, height);
            case "trivial_augment_wide" -> OpSpace.trivialAugmentWide(bins);
            case "aug_mix" -> OpSpace.augMix(true, width, height);
            default -> throw new IllegalArgumentException(family);
        };
    }

    private static Sampling sampling(Options o) {
        Interpolation interpolation = Interpolation.option(o, "interpolation", Interpolation.NEAREST,
                Interpolation.NEAREST, Interpolation.BILINEAR);
        return new Sampling(interpolation, o.has("fill") ? SharedOptions.fill(o, "fill") : null);
    }
}
