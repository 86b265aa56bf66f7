package dev.sluice.plugins.transforms.boxes;

import dev.sluice.api.ReduceLimit;
import dev.sluice.api.target.SanitizeBoundingBoxes;
import dev.sluice.api.target.Targeted;
import dev.sluice.plugins.transforms.KeepsTargets;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code sanitize_boxes}: torchvision v2's {@code SanitizeBoundingBoxes}, which drops degenerate boxes
 * (too small, or reaching outside the canvas) with their labels and their instance masks, leaving the
 * image, a class-index mask and key points as they are ({@link SanitizeBoundingBoxes} gives the rule).
 * Put it after the transforms that crop or warp, as torchvision's recipes do: a crop clamps a box
 * that it cuts away to zero width, and this removes it.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code min_size} ({@link #minSize(double)}; 1.0): the smallest width and height kept, {@code >= 1};</li>
 *   <li>{@code min_area} ({@link #minArea(double)}; 1.0): the smallest area kept, {@code >= 1}.</li>
 * </ul>
 *
 * <pre>{@code
 * - sanitize_boxes: {min_size: 2}               # YAML
 * SanitizeBoxes.of().minSize(2)                 // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; it takes anything (an
 * image or a tensor) and, without targets, returns it as it is.
 */
public final class SanitizeBoxes implements KeepsTargets<Object, Object> {
    private final SanitizeBoundingBoxes rule;

    private SanitizeBoxes(SanitizeBoundingBoxes rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** torchvision's defaults, {@code min_size=1, min_area=1}. */
    public static SanitizeBoxes of() {
        return new SanitizeBoxes(SanitizeBoundingBoxes.DEFAULT);
    }

    /**
     * This rule with the smallest width and height {@code minSize}.
     *
     * @throws IllegalArgumentException when {@code minSize < 1}, as torchvision's ValueError
     */
    public SanitizeBoxes minSize(double minSize) {
        return new SanitizeBoxes(new SanitizeBoundingBoxes(minSize, rule.minArea()));
    }

    /**
     * This rule with the smallest area {@code minArea}.
     *
     * @throws IllegalArgumentException when {@code minArea < 1}, as torchvision's ValueError
     */
    public SanitizeBoxes minArea(double minArea) {
        return new SanitizeBoxes(new SanitizeBoundingBoxes(rule.minSize(), minArea));
    }

    /** The rule it applies. */
    public SanitizeBoundingBoxes rule() {
        return rule;
    }

    /** The input itself: there are no boxes to drop. */
    @Override
    public Object apply(Object input, RandomGenerator random) {
        return Objects.requireNonNull(input, "input");
    }

    /** The value as it is; the targets without their degenerate boxes, labels and instance masks. */
    @Override
    public Targeted<Object> applyWithTargets(Targeted<?> input, RandomGenerator random) {
        return Targeted.of(input.value(), rule.apply(input.targets()));
    }

    /** Keeps the size: whatever the steps after it allow. */
    @Override
    public ReduceLimit reduceLimit(ReduceLimit next) {
        return Objects.requireNonNull(next, "next");
    }

    /** Keeps the channels. */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        return Objects.requireNonNull(input, "input");
    }

    @Override
    public String toString() {
        return "sanitize_boxes(min_size=" + rule.minSize() + ", min_area=" + rule.minArea() + ")";
    }
}
