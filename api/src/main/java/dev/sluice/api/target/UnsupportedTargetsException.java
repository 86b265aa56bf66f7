package dev.sluice.api.target;

/**
 * A transform was handed targets (boxes, a mask or key points) that it cannot move with its
 * pixels, so it refuses the sample rather than return targets that no longer sit on the image.
 * Thrown by {@link dev.sluice.api.Transform#applyWithTargets}'s default, and by a transform that
 * can move some kinds of targets but not the ones given (torchvision's refusals, such as boxes
 * through a padding mode other than {@code constant}).
 */
public final class UnsupportedTargetsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the transform and what it cannot carry, e.g.
     *        {@code "acme-swirl cannot move boxes, masks or key points (it has no applyWithTargets); ..."}
     */
    public UnsupportedTargetsException(String message) {
        super(message);
    }

    /** The refusal of {@code transform}, which does not carry targets at all, for {@code targets}. */
    public static UnsupportedTargetsException notCarried(Object transform, Targets targets) {
        return new UnsupportedTargetsException(transform + " cannot move " + what(targets) + " with the image (it does "
                + "not implement Transform.applyWithTargets), so the sample is refused rather than its targets "
                + "left behind; leave it out of a pipeline for samples with targets, or use a transform that moves them");
    }

    /** "boxes", "a mask", "key points", joined with "and". */
    static String what(Targets targets) {
        StringBuilder text = new StringBuilder();
        if (targets.boxes().isPresent()) {
            text.append("boxes");
        }
        if (targets.mask().isPresent()) {
            text.append(text.length() > 0 ? " and " : "").append("a mask");
        }
        if (targets.keyPoints().isPresent()) {
            text.append(text.length() > 0 ? " and " : "").append("key points");
        }
        return text.length() == 0 ? "targets" : text.toString();
    }
}
