package dev.sluice.api.target;

import dev.sluice.api.Image;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value that goes through the transforms (an {@link Image}, later a {@link dev.sluice.api.Tensor}
 * or whatever a step gives) together with the {@link Targets} drawn on it: what torchvision v2's
 * transforms take and give as one sample, so that a random transform draws its parameters once and
 * moves the image and its boxes, masks and key points with the same draw. Immutable.
 *
 * <pre>{@code
 * Targeted<Image> sample = Targeted.of(image, targets);
 * Targeted<Object> out = pipeline.applyWithTargets(sample, random);
 * Tensor pixels = (Tensor) out.value();
 * BoundingBoxes boxes = out.targets().boxes().orElseThrow();   // on the output image's canvas
 * }</pre>
 *
 * @param value the image or tensor, never null
 * @param targets what is drawn on it, {@link Targets#NONE} when nothing; when {@code value} is an
 *        {@link Image} and there are targets, their canvas is the image's size
 * @param <T> the type of the value
 */
public record Targeted<T>(T value, Targets targets) {

    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code value} is an {@link Image} whose size is not the
     *         targets' canvas: targets that no longer sit on their image are an error, never a result
     */
    public Targeted {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(targets, "targets");
        if (value instanceof Image image && targets.canvas().isPresent()) {
            CanvasSize canvas = targets.canvas().get();
            if (canvas.height() != image.height() || canvas.width() != image.width()) {
                throw new IllegalArgumentException("the targets are on a " + canvas + " (HxW) canvas but the image is "
                        + image.height() + "x" + image.width() + "; a transform moved one without the other");
            }
        }
    }

    /** {@code value} with {@code targets}; as the constructor. */
    public static <T> Targeted<T> of(T value, Targets targets) {
        return new Targeted<>(value, targets);
    }

    /** {@code value} with no targets. */
    public static <T> Targeted<T> of(T value) {
        return new Targeted<>(value, Targets.NONE);
    }

    /**
     * Another value with the same targets: for a step that changes pixels but not where they are
     * (a colour change, {@code to_tensor}, {@code normalize}).
     *
     * @param step makes the new value from this one; called once
     * @throws IllegalArgumentException as the constructor, when the new value is an image of another size
     */
    public <O> Targeted<O> map(Function<? super T, ? extends O> step) {
        return new Targeted<>(step.apply(value), targets);
    }

    /** Whether there are targets beside the value. */
    public boolean hasTargets() {
        return !targets.isEmpty();
    }
}
