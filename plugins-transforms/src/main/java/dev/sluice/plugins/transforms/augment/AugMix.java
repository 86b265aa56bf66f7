package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;

/**
 * {@code aug_mix}: torchvision's {@code AugMix} on a uint8 image. Each call draws {@code (m0, m1)}
 * from Dirichlet(alpha, alpha) and chain weights {@code w} from Dirichlet(alpha, ..., alpha), then
 * runs {@code mixture_width} chains on the original image, each of {@code chain_depth} ops (or 1 to 3,
 * drawn uniformly, when {@code chain_depth <= 0}), every op drawn uniformly from ShearX, ShearY,
 * TranslateX, TranslateY, Rotate, Posterize, Solarize, AutoContrast, Equalize (and Brightness, Color,
 * Contrast, Sharpness when {@code all_ops}) at a bin drawn from the first {@code severity} of 10,
 * negated with probability 1/2 when signed. The output is {@code m0 * x + sum_i (w_i * m1) * chain_i}
 * in float32, truncated to 8 bits as torchvision's cast does. Shears go up to 0.3, translations to a
 * third of the side, rotations to 30 degrees, factors 1 ± 0.9, posterize 4 bits down to 0.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code severity} ({@link #severity(int)}; 3): 1 to 10;</li>
 *   <li>{@code mixture_width} ({@link #mixtureWidth(int)}; 3): chains, {@code >= 1};</li>
 *   <li>{@code chain_depth} ({@link #chainDepth(int)}; -1): ops per chain, or {@code <= 0} for 1 to 3 drawn per chain;</li>
 *   <li>{@code alpha} ({@link #alpha(double)}; 1.0): the Dirichlet parameter, {@code > 0};</li>
 *   <li>{@code all_ops} ({@link #allOps(boolean)}; true): include the four colour ops;</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; bilinear): nearest or bilinear;</li>
 *   <li>{@code fill} ({@link #fill(int...)}; none): as {@link AutoAugment}'s.</li>
 * </ul>
 *
 * <pre>{@code
 * - aug_mix: {severity: 3, mixture_width: 3, alpha: 1.0}          # YAML
 * AugMix.of().severity(3).mixtureWidth(3).alpha(1.0)               // Java
 * }</pre>
 *
 * <p>A sample with boxes, masks or key points is refused with an
 * {@link dev.sluice.api.target.UnsupportedTargetsException}, as torchvision v2 refuses it.
 *
 * <p>Immutable, safe for concurrent use; it draws in torchvision 0.14's order (the mixing weights,
 * then per chain its depth and per op the op, its bin and its sign), from this library's Gamma
 * sampler rather than PyTorch's. Images of 1 or 3 channels; it throws {@link IllegalArgumentException}
 * for others, and when a per-channel fill does not match the image.
 */
public final class AugMix extends AutoAugmentFamily {
    /** The bins of AugMix's magnitudes, and the largest severity. */
    static final int PARAMETER_MAX = 10;

    private final int severity;
    private final int mixtureWidth;
    private final int chainDepth;
    private final double alpha;
    private final boolean allOps;
    private final Sampling sampling;

    private AugMix(int severity, int mixtureWidth, int chainDepth, double alpha, boolean allOps, Sampling sampling) {
        super("aug_mix");
        if (severity < 1 || severity > PARAMETER_MAX) {
            throw new IllegalArgumentException("The severity must be between [1, " + PARAMETER_MAX + "], was " + severity);
        }
        if (mixtureWidth < 1) {
            throw new IllegalArgumentException("mixture_width must be >= 1, was " + mixtureWidth);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number > 0, was " + alpha);
        }
        this.severity = severity;
        this.mixtureWidth = mixtureWidth;
        this.chainDepth = chainDepth;
        this.alpha = alpha;
        this.allOps = allOps;
        this.sampling = sampling;
    }

    /** torchvision's defaults: severity 3, 3 chains of 1 to 3 ops, alpha 1, all ops, bilinear, no fill. */
    public static AugMix of() {
        return new AugMix(3, 3, -1, 1.0, true, new Sampling(Interpolation.BILINEAR, null));
    }

    /**
     * This transform with magnitudes from the first {@code severity} bins.
     *
     * @throws IllegalArgumentException unless 1 to 10
     */
    public AugMix severity(int severity) {
        return new AugMix(severity, mixtureWidth, chainDepth, alpha, allOps, sampling);
    }

    /**
     * This transform with {@code mixtureWidth} chains.
     *
     * @throws IllegalArgumentException when below 1
     */
    public AugMix mixtureWidth(int mixtureWidth) {
        return new AugMix(severity, mixtureWidth, chainDepth, alpha, allOps, sampling);
    }

    /** This transform with {@code chainDepth} ops per chain, or 1 to 3 drawn per chain when {@code <= 0}. */
    public AugMix chainDepth(int chainDepth) {
        return new AugMix(severity, mixtureWidth, chainDepth, alpha, allOps, sampling);
    }

    /**
     * This transform with Dirichlet parameter {@code alpha}.
     *
     * @throws IllegalArgumentException unless finite and {@code > 0}
     */
    public AugMix alpha(double alpha) {
        return new AugMix(severity, mixtureWidth, chainDepth, alpha, allOps, sampling);
    }

    /** This transform with the colour ops (brightness, colour, contrast, sharpness) when {@code allOps}. */
    public AugMix allOps(boolean allOps) {
        return new AugMix(severity, mixtureWidth, chainDepth, alpha, allOps, sampling);
    }

    /**
     * This transform, its geometric ops sampling by {@code interpolation}.
     *
     * @throws IllegalArgumentException unless nearest or bilinear
     */
    public AugMix interpolation(Interpolation interpolation) {
        return new AugMix(severity, mixtureWidth, chainDepth, alpha, allOps, sampling.withInterpolation(interpolation));
    }

    /**
     * This transform, pixels its geometric ops uncover filled with {@code levels}.
     *
     * @throws IllegalArgumentException unless 1 to 4 levels in [0, 255]
     */
    public AugMix fill(int... levels) {
        return new AugMix(severity, mixtureWidth, chainDepth, alpha, allOps, sampling.withFill(levels));
    }

    /**
     * What one call does: the weight of the original image, the weight of each chain (its Dirichlet
     * weight times {@code m1}, in float32) and each chain's ops.
     */
    record Draw(float original, float[] weights, List<List<Step>> chains) {
    }

    /** Dirichlet weights rounded to float32, as torch's {@code _sample_dirichlet} returns them. */
    private static float[] float32(double[] weights) {
        float[] out = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = (float) weights[i];
        }
        return out;
    }

    /** One call's draws for an image of {@code width} x {@code height}, in torchvision 0.14's order. */
    Draw draw(RandomGenerator random, int width, int height) {
        UniformRandomProvider source = random::nextLong;
        float[] m = float32(DirichletSampler.symmetric(source, 2, alpha).sample());
        float[] weights = float32(DirichletSampler.symmetric(source, mixtureWidth, alpha).sample());
        for (int i = 0; i < mixtureWidth; i++) {
            weights[i] *= m[1];
        }
        OpSpace space = OpSpace.augMix(allOps, width, height);
        List<List<Step>> chains = new ArrayList<>(mixtureWidth);
        for (int i = 0; i < mixtureWidth; i++) {
            int depth = chainDepth > 0 ? chainDepth : 1 + random.nextInt(3);
            List<Step> chain = new ArrayList<>(depth);
            for (int d = 0; d < depth; d++) {
                OpSpace.Entry entry = space.get(random.nextInt(space.size()));
                int bin = entry.bins() == null ? 0 : random.nextInt(severity);
                chain.add(Step.of(entry, bin, entry.signed() && random.nextInt(2) == 1));
            }
            chains.add(chain);
        }
        return new Draw(m[0], weights, chains);
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        check(image);
        return mix(image, draw(random, image.width(), image.height()), sampling);
    }

    /** The mixture {@code draw} describes: {@code m0 * x + sum_i w_i * chain_i(x)} in float32, truncated. */
    static Image mix(Image image, Draw draw, Sampling sampling) {
        Raster original = Raster.of(image);
        byte[] x = original.data;
        float[] sum = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            sum[i] = draw.original() * (x[i] & 0xFF);
        }
        for (int c = 0; c < draw.chains().size(); c++) {
            Raster chain = original;
            for (Step step : draw.chains().get(c)) {
                chain = step.op().apply(chain, step.magnitude(), sampling);
            }
            float weight = draw.weights()[c];
            byte[] augmented = chain.data;
            for (int i = 0; i < x.length; i++) {
                sum[i] += weight * (augmented[i] & 0xFF);
            }
        }
        byte[] out = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (byte) (int) Math.min(sum[i], 255f);
        }
        return Image.wrap(original.width, original.height, original.channels, out);
    }

    @Override
    Sampling sampling() {
        return sampling;
    }

    @Override
    public String toString() {
        return "aug_mix(severity=" + severity + ", mixture_width=" + mixtureWidth + ", chain_depth=" + chainDepth
                + ", alpha=" + alpha + ", all_ops=" + allOps + ", " + sampling + ")";
    }
}
