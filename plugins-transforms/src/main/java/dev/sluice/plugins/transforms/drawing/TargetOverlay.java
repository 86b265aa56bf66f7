package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import dev.sluice.api.target.BatchBoxes;
import dev.sluice.api.target.BatchTargets;
import dev.sluice.plugins.transforms.Raster;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

/**
 * Draws one sample's collated targets onto its picture in a contact sheet: class-index masks and
 * instance masks blended half and half with a colour per class (class 0, the background, left
 * clear), then each box's outline (one pixel, corners included as {@code draw_rectangle} draws them)
 * and its label's name on a dark strip at the box's top-left corner, both in the colour of its label.
 */
final class TargetOverlay {
    /** Distinct, saturated colours; label {@code k} takes entry {@code k mod 12}. */
    private static final int[][] PALETTE = {
        {230, 25, 75}, {60, 180, 75}, {255, 225, 25}, {0, 130, 200}, {245, 130, 48}, {145, 30, 180},
        {70, 240, 240}, {240, 50, 230}, {210, 245, 60}, {250, 190, 212}, {0, 128, 128}, {170, 110, 40}};
    private static final int[] STRIP = {0, 0, 0};

    private TargetOverlay() {
    }

    /** The colour of label or class {@code value}. */
    static int[] colour(long value) {
        return PALETTE[(int) Math.floorMod(value, (long) PALETTE.length)];
    }

    /**
     * Checks that {@code targets} belong to a batch of {@code count} pictures of {@code width x height}.
     *
     * @throws IllegalArgumentException naming both sizes when they do not
     */
    static void requireFits(BatchTargets targets, int count, int width, int height) {
        if (targets.size() != count || targets.canvas().width() != width || targets.canvas().height() != height) {
            throw new IllegalArgumentException("contact_sheet has " + count + " images of " + height + "x" + width
                    + " (HxW) but targets of " + targets.size() + " samples on a " + targets.canvas() + " canvas");
        }
    }

    /** Draws sample {@code n}'s masks, boxes and box labels onto {@code cell}. */
    static void draw(Raster cell, BatchTargets targets, int n, List<String> classNames, int fontScale) {
        int plane = cell.width * cell.height;
        if (targets.masks().isPresent()) {
            int[] classes = plane(targets.masks().get(), n, plane);
            for (int p = 0; p < plane; p++) {
                if (classes[p] != 0) {
                    blend(cell, p, colour(classes[p]));
                }
            }
        }
        if (targets.boxes().isEmpty()) {
            return;
        }
        BatchBoxes boxes = targets.boxes().get();
        float[] xyxy = boxes.coordinates().toFloatArray();
        for (int t = 0; t < boxes.count(); t++) {
            if (boxes.batchIndices().getLong(t) != n) {
                continue;
            }
            int[] colour = colour(boxes.labels().getLong(t));
            if (boxes.instanceMasks().isPresent()) {
                int[] inside = plane(boxes.instanceMasks().get(), t, plane);
                for (int p = 0; p < plane; p++) {
                    if (inside[p] != 0) {
                        blend(cell, p, colour);
                    }
                }
            }
        }
        for (int t = 0; t < boxes.count(); t++) {
            if (boxes.batchIndices().getLong(t) != n) {
                continue;
            }
            long label = boxes.labels().getLong(t);
            int[] colour = colour(label);
            // As torchvision's draw_bounding_boxes: corners cast to integers, the outline through both.
            int x1 = (int) xyxy[t * 4];
            int y1 = (int) xyxy[t * 4 + 1];
            int x2 = (int) xyxy[t * 4 + 2];
            int y2 = (int) xyxy[t * 4 + 3];
            DrawRectangle.draw(cell, x1, y1, x2 - x1, y2 - y1, colour, 1);
            String name = label >= 0 && label < classNames.size() ? classNames.get((int) label) : Long.toString(label);
            int textLeft = Math.max(0, x1 + 1);
            int textTop = Math.max(0, y1 + 1);
            DrawRectangle.fill(cell, textLeft, textTop, textLeft + BitmapFont.width(name, fontScale),
                    textTop + BitmapFont.GLYPH_HEIGHT * fontScale, STRIP);
            BitmapFont.draw(cell, textLeft + 1, textTop + 1, name, fontScale, colour);
        }
    }

    /** Layer {@code layer} of a uint8 or int32 {@code [L, H, W]} mask tensor, as ints. */
    private static int[] plane(Tensor masks, int layer, int plane) {
        int[] out = new int[plane];
        ByteBuffer data = masks.data();
        if (masks.dtype() == DType.UINT8) {
            for (int p = 0, at = layer * plane; p < plane; p++) {
                out[p] = data.get(at + p) & 0xFF;
            }
        } else {
            IntBuffer ints = data.asIntBuffer();
            ints.get(layer * plane, out);
        }
        return out;
    }

    /** Pixel {@code p} half way to {@code colour}. */
    private static void blend(Raster cell, int p, int[] colour) {
        int at = p * cell.channels;
        for (int c = 0; c < 3; c++) {
            cell.data[at + c] = (byte) (((cell.data[at + c] & 0xFF) + colour[c] + 1) / 2);
        }
    }
}
