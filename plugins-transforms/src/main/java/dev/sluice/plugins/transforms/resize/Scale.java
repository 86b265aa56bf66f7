package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Image;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.ReduceLimit;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Size;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code scale}: the seed recipe's {@code scale_image}, {@code cv2.resize(image, None, fx=fx, fy=fy)}.
 *
 * <p>Parameters (YAML key, Java, default):
 * <ul>
 *   <li>{@code fx} ({@link #of(double)}, {@link #of(double, double)}; required, {@code > 0}) and
 *       {@code fy} (default {@code fx}) multiply the width and height; each output side is the
 *       product rounded half to even, as OpenCV rounds, and coordinates are mapped with the factors
 *       themselves, not the rounded size ratio, as OpenCV does;</li>
 *   <li>{@code interpolation} ({@link #interpolation(Interpolation)}; bilinear) as for {@link Resize};</li>
 *   <li>{@code antialias} ({@link #antialias(boolean)}; false: OpenCV's kernels; true: torchvision's
 *       antialiased bilinear and bicubic) as for {@link Resize}.</li>
 * </ul>
 * Its output is proportional to its input, so under {@code decoder.reduce: auto} it always gets the
 * full-size image.
 *
 * <pre>{@code
 * - scale: {fx: 0.5, fy: 0.5}      # YAML
 * Scale.of(0.5)                    // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; it throws
 * {@link IllegalArgumentException} when the output would have a side of 0.
 */
public final class Scale implements ImageTransform {
    private final double fx;
    private final double fy;
    private final Interpolation interpolation;
    private final boolean antialias;
    private final Resize resize;

    private Scale(double fx, double fy, Interpolation interpolation, boolean antialias) {
        this.fx = factor("fx", fx);
        this.fy = factor("fy", fy);
        this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
        this.antialias = antialias;
        this.resize = Resize.factors(fx, fy, interpolation, antialias);
    }

    /**
     * Both sides multiplied by {@code f}.
     *
     * @throws IllegalArgumentException unless {@code f} is finite and {@code > 0}
     */
    public static Scale of(double f) {
        return of(f, f);
    }

    /**
     * The width multiplied by {@code fx}, the height by {@code fy}.
     *
     * @throws IllegalArgumentException unless both are finite and {@code > 0}
     */
    public static Scale of(double fx, double fy) {
        return new Scale(fx, fy, Interpolation.BILINEAR, false);
    }

    /** This scale by {@code interpolation}. */
    public Scale interpolation(Interpolation interpolation) {
        return new Scale(fx, fy, interpolation, antialias);
    }

    /** This scale, antialiased or not, as {@link Resize#antialias(boolean)}. */
    public Scale antialias(boolean antialias) {
        return new Scale(fx, fy, interpolation, antialias);
    }

    private static double factor(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    /** The output size for an input of {@code width x height}. */
    Size outputSize(int width, int height) {
        return resize.outputSize(width, height);
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return resize.apply(image, random);
    }

    /** The image scaled, and its targets moved with the factors, as {@link Resize#applyWithTargets} for {@code scale}. */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        return resize.applyWithTargets(input, random);
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /** None: the output size is proportional to the input's. */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        return resize.reduceLimit(next);
    }

    @Override
    public String toString() {
        return resize.toString();
    }
}
