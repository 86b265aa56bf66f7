package dev.sluice.api.target;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a sample carries beside its image: bounding boxes with their labels, a segmentation
 * mask and key points, each optional, all on the same canvas (the image's size). When the mask is
 * per instance and boxes are present, there is one mask layer per box, in box order, so that
 * {@link SanitizeBoundingBoxes} drops a box's mask with it. Immutable.
 *
 * <pre>{@code
 * Targets targets = Targets.NONE.withBoxes(boxes).withMask(instanceMasks);
 * Targets kept = SanitizeBoundingBoxes.DEFAULT.apply(targets);
 * }</pre>
 *
 * @param boxes the boxes and their labels, if any
 * @param mask the segmentation mask, if any
 * @param keyPoints the key points, if any
 */
public record Targets(Optional<BoundingBoxes> boxes, Optional<SegmentationMask> mask, Optional<KeyPoints> keyPoints) {

    /** No targets. */
    public static final Targets NONE = new Targets(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * @throws IllegalArgumentException if the parts are on different canvases, or an instance mask
     *         has not one layer per box
     * @throws NullPointerException if an argument is null (use {@link Optional#empty()})
     */
    public Targets {
        Objects.requireNonNull(boxes, "boxes");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(keyPoints, "keyPoints");
        CanvasSize canvas = boxes.map(BoundingBoxes::canvas).orElse(null);
        canvas = sameCanvas(canvas, mask.map(SegmentationMask::canvas).orElse(null), "mask");
        sameCanvas(canvas, keyPoints.map(KeyPoints::canvas).orElse(null), "key points");
        if (boxes.isPresent() && mask.isPresent() && mask.get().kind() == SegmentationMask.Kind.INSTANCE
                && mask.get().layers() != boxes.get().count()) {
            throw new IllegalArgumentException("one instance mask per box: " + boxes.get().count() + " boxes but "
                    + mask.get().layers() + " instance masks");
        }
    }

    private static CanvasSize sameCanvas(CanvasSize known, CanvasSize other, String what) {
        if (known != null && other != null && !known.equals(other)) {
            throw new IllegalArgumentException("the " + what + " are on a " + other + " canvas but the boxes on "
                    + known + "; all targets of a sample share the image's canvas");
        }
        return known != null ? known : other;
    }

    /** These targets with {@code newBoxes} in place of the boxes. */
    public Targets withBoxes(BoundingBoxes newBoxes) {
        return new Targets(Optional.of(newBoxes), mask, keyPoints);
    }

    /** These targets with {@code newMask} in place of the mask. */
    public Targets withMask(SegmentationMask newMask) {
        return new Targets(boxes, Optional.of(newMask), keyPoints);
    }

    /** These targets with {@code newKeyPoints} in place of the key points. */
    public Targets withKeyPoints(KeyPoints newKeyPoints) {
        return new Targets(boxes, mask, Optional.of(newKeyPoints));
    }

    /** The canvas the targets are on, empty when there are none. */
    public Optional<CanvasSize> canvas() {
        if (boxes.isPresent()) {
            return Optional.of(boxes.get().canvas());
        }
        if (mask.isPresent()) {
            return Optional.of(mask.get().canvas());
        }
        return keyPoints.map(KeyPoints::canvas);
    }

    /**
     * The targets of the image mirrored left to right, torchvision v2's {@code horizontal_flip}: boxes
     * {@code x1' = W - x2}, {@code x2' = W - x1} (in their own format's float32 arithmetic), mask
     * columns reversed, key points {@code x' = W - 1 - x} (the pixel-index rule). Nothing is clamped.
     * Key points with a mirror order ({@link KeyPoints#withMirror}) then change places by it, their
     * visibilities with them, as Ultralytics' {@code flip_idx} reorders them; without one they keep
     * their order, as in torchvision.
     */
    public Targets flippedHorizontally() {
        return Moves.each(this, b -> Moves.flipBoxes(b, 0, b.canvas().width()),
                m -> m.remapped(m.canvas(), Moves.reversed(m.canvas().width()), Moves.identity(m.canvas().height()), 0),
                p -> Moves.flipPoints(p, 0, p.canvas().width()));
    }

    /**
     * As {@link #flippedHorizontally()}, top to bottom: torchvision v2's {@code vertical_flip}. Key points
     * keep their order whatever their mirror order, as in Ultralytics (a left eye stays left).
     */
    public Targets flippedVertically() {
        return Moves.each(this, b -> Moves.flipBoxes(b, 1, b.canvas().height()),
                m -> m.remapped(m.canvas(), Moves.identity(m.canvas().width()), Moves.reversed(m.canvas().height()), 0),
                p -> Moves.flipPoints(p, 1, p.canvas().height()));
    }

    /**
     * The targets of the image resized to {@code width x height}, torchvision v2's {@code resize}: box
     * and key point coordinates multiplied by {@code float32(width / W)} and {@code float32(height / H)},
     * not clamped; the mask resized by torch's nearest rule, {@code src = min(floor(dst * float32(in / out)), in - 1)}
     * per axis, whatever the image's interpolation. Returns these targets when the size is the same.
     *
     * @throws IllegalArgumentException when a side is below 1
     */
    public Targets resized(int width, int height) {
        CanvasSize to = new CanvasSize(height, width);
        CanvasSize from = canvas().orElse(null);
        if (from == null || from.equals(to)) {
            return this;
        }
        float ratioX = (float) ((double) width / from.width());
        float ratioY = (float) ((double) height / from.height());
        return Moves.each(this, b -> b.withCoordinates(Moves.scaled(b.coordinates(), ratioX, ratioY), to),
                m -> m.remapped(to, Moves.nearest(from.width(), width), Moves.nearest(from.height(), height), 0),
                p -> p.withCoordinates(Moves.scaled(p.coordinates(), ratioX, ratioY), to));
    }

    /**
     * The targets of the image cropped to the rectangle at {@code (left, top)} of {@code width x height},
     * torchvision v2's {@code crop}: positions shifted by {@code (-left, -top)}, boxes then clamped to
     * the new canvas ({@link BoundingBoxes#clamped()}), mask pixels outside the image 0, key points not
     * clamped. The rectangle may start at negative coordinates and reach past the image, as torchvision's
     * implicit zero padding allows.
     *
     * @throws IllegalArgumentException when a side is below 1
     */
    public Targets cropped(int left, int top, int width, int height) {
        CanvasSize to = new CanvasSize(height, width);
        return Moves.each(this, b -> Moves.shiftBoxes(b, -left, -top, to),
                m -> m.remapped(to, Moves.shifted(m.canvas().width(), left, width),
                        Moves.shifted(m.canvas().height(), top, height), 0),
                p -> Moves.shiftPoints(p, -left, -top, to));
    }

    /**
     * The targets of the image with constant margins added, torchvision v2's {@code pad} in constant
     * mode: positions shifted by {@code (left, top)}, boxes clamped to the grown canvas, the mask's
     * margins {@code fill}.
     *
     * @param fill the mask's level in the margins (0 to 255 for a uint8 mask)
     * @throws IllegalArgumentException when a margin is negative
     */
    public Targets padded(int left, int top, int right, int bottom, int fill) {
        if (left < 0 || top < 0 || right < 0 || bottom < 0) {
            throw new IllegalArgumentException("padding must be >= 0 on every side, was [" + left + ", " + top + ", "
                    + right + ", " + bottom + "]");
        }
        CanvasSize from = canvas().orElse(null);
        if (from == null || (left | top | right | bottom) == 0) {
            return this;
        }
        CanvasSize to = new CanvasSize(from.height() + top + bottom, from.width() + left + right);
        return Moves.each(this, b -> Moves.shiftBoxes(b, left, top, to),
                m -> m.remapped(to, Moves.shifted(from.width(), -left, to.width()),
                        Moves.shifted(from.height(), -top, to.height()), fill),
                p -> Moves.shiftPoints(p, left, top, to));
    }

    /** Whether there is nothing beside the image. */
    public boolean isEmpty() {
        return boxes.isEmpty() && mask.isEmpty() && keyPoints.isEmpty();
    }
}
