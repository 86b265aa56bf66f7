package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.target.BatchTargets;
import dev.sluice.plugins.transforms.Raster;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code contact_sheet}: a batch drawn as one RGB image, laid out as torchvision's {@code make_grid}
 * ({@code nrow} images per row, {@code padding} pixels around each, {@code pad_value} between), each
 * image's labels printed under it in a small built-in 5x7 pixel font (without {@code java.awt}, so it
 * works headless and gives the same pixels everywhere), and its boxes, if any, outlined as
 * {@code draw_rectangle} does (red, thickness 2). What the seed showed in a window, as an image that
 * can be saved on a machine without a display.
 *
 * <p>The input is the images tensor alone, or a list {@code [images, labels]} or
 * {@code [images, labels, boxes]} of tensors: images float32 N x C x H x W in [0, 1] (after
 * {@code to_tensor}; turned to levels as torchvision's {@code save_image}: {@code x * 255 + 0.5},
 * clamped, truncated) or uint8 N x H x W x C as collated images are; labels N x K numbers (printed
 * separated by spaces, wrapped to the image width); boxes N x 4 or N x B x 4 {@code [x, y, w, h]} in pixels.
 * In place of the boxes tensor, a detection or segmentation batch's {@link BatchTargets} (on the
 * images' canvas): each picture's class-index or instance masks are blended half and half over it in
 * a colour per class (class 0 left clear), and each box is outlined (one pixel, XYXY corners cast to
 * integers as torchvision's {@code draw_bounding_boxes} casts them) with its label's name, or number,
 * at its top-left corner, in its label's colour.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code nrow} ({@link #nrow(int)}; 8): images per row;</li>
 *   <li>{@code padding} ({@link #padding(int)}; 2): pixels around each image;</li>
 *   <li>{@code pad_value} ({@link #padValue(double)}; 0.0): in image units, [0, 1];</li>
 *   <li>{@code font_scale} ({@link #fontScale(int)}; 1): pixels per font pixel;</li>
 *   <li>{@code mean} and {@code std} ({@link #unnormalize(double[], double[])}; none): given together,
 *       to undo a {@code normalize} before drawing;</li>
 *   <li>{@code class_names} ({@link #classNames(List)}; none): the name of each box label, by value.</li>
 * </ul>
 *
 * <pre>{@code
 * - contact_sheet: {nrow: 4, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}        # YAML
 * ContactSheet.of().nrow(4).unnormalize(new double[] {0.485, 0.456, 0.406},
 *         new double[] {0.229, 0.224, 0.225})                                                // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source. It throws
 * {@link IllegalArgumentException} when the input is not as described, the labels or boxes do not
 * have one row per image, or the targets are not for these images.
 */
public final class ContactSheet implements Transform<Object, Image> {
    private static final int[] TEXT = {255, 255, 255};

    private final int nrow;
    private final int padding;
    private final double padValueUnits;
    /** The level of {@code pad_value}, which torchvision gives in image units, [0, 1]. */
    private final int padValue;
    private final int fontScale;
    private final float[] mean;
    private final float[] std;
    private final List<String> classNames;

    private ContactSheet(int nrow, int padding, double padValue, int fontScale, float[] mean, float[] std,
            List<String> classNames) {
        atLeast("nrow", nrow, 1);
        atLeast("padding", padding, 0);
        atLeast("font_scale", fontScale, 1);
        if (!(padValue >= 0 && padValue <= 1)) {
            throw new IllegalArgumentException("pad_value must be in [0, 1], was " + padValue);
        }
        this.nrow = nrow;
        this.padding = padding;
        this.padValueUnits = padValue;
        this.padValue = (int) Math.max(0, Math.min(255, (float) padValue * 255f + 0.5f));
        this.fontScale = fontScale;
        this.mean = mean;
        this.std = std;
        this.classNames = List.copyOf(classNames);
    }

    private static void atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + ", was " + value);
        }
    }

    /** torchvision's {@code make_grid} defaults: 8 per row, padding 2 of value 0, font scale 1. */
    public static ContactSheet of() {
        return new ContactSheet(8, 2, 0.0, 1, null, null, List.of());
    }

    /**
     * This sheet with {@code nrow} images per row.
     *
     * @throws IllegalArgumentException when {@code nrow < 1}
     */
    public ContactSheet nrow(int nrow) {
        return new ContactSheet(nrow, padding, padValueUnits, fontScale, mean, std, classNames);
    }

    /**
     * This sheet with {@code padding} pixels around each image.
     *
     * @throws IllegalArgumentException when {@code padding < 0}
     */
    public ContactSheet padding(int padding) {
        return new ContactSheet(nrow, padding, padValueUnits, fontScale, mean, std, classNames);
    }

    /**
     * This sheet with padding of {@code padValue}, in image units.
     *
     * @throws IllegalArgumentException unless in [0, 1]
     */
    public ContactSheet padValue(double padValue) {
        return new ContactSheet(nrow, padding, padValue, fontScale, mean, std, classNames);
    }

    /**
     * This sheet with labels drawn {@code fontScale} pixels per font pixel.
     *
     * @throws IllegalArgumentException when {@code fontScale < 1}
     */
    public ContactSheet fontScale(int fontScale) {
        return new ContactSheet(nrow, padding, padValueUnits, fontScale, mean, std, classNames);
    }

    /**
     * This sheet, undoing {@code normalize(mean, std)} before drawing: one value for every channel or
     * one per channel, each.
     *
     * @throws IllegalArgumentException when either is empty
     */
    public ContactSheet unnormalize(double[] mean, double[] std) {
        if (mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException("mean and std must each hold at least one value");
        }
        return new ContactSheet(nrow, padding, padValueUnits, fontScale, floats(mean), floats(std), classNames);
    }

    /**
     * This sheet, naming each box by its label's entry in {@code names} (label {@code k}: entry
     * {@code k}); a label without an entry is shown as its number. Default: no names, numbers.
     *
     * @throws NullPointerException if {@code names} or one of them is null
     */
    public ContactSheet classNames(List<String> names) {
        return new ContactSheet(nrow, padding, padValueUnits, fontScale, mean, std, names);
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    @Override
    public Image apply(Object input, RandomGenerator random) {
        Tensor images;
        Tensor labels = null;
        Tensor boxes = null;
        BatchTargets targets = null;
        if (input instanceof Tensor tensor) {
            images = tensor;
        } else if (input instanceof List<?> parts && !parts.isEmpty() && parts.size() <= 3
                && parts.subList(0, Math.min(2, parts.size())).stream().allMatch(p -> p == null || p instanceof Tensor)
                && parts.get(0) != null
                && (parts.size() < 3 || parts.get(2) instanceof Tensor || parts.get(2) instanceof BatchTargets)) {
            images = (Tensor) parts.get(0);
            labels = parts.size() > 1 ? (Tensor) parts.get(1) : null;
            boxes = parts.size() > 2 && parts.get(2) instanceof Tensor tensor ? tensor : null;
            targets = parts.size() > 2 && parts.get(2) instanceof BatchTargets batch ? batch : null;
        } else {
            throw new IllegalArgumentException("contact_sheet takes the images tensor, or a list [images, labels], "
                    + "[images, labels, boxes] or [images, labels, batch targets]; got " + input);
        }
        Raster[] cells = cells(images);
        String[] text = labelText(labels, cells.length);
        int width = cells[0].width;
        int height = cells[0].height;
        if (targets != null) {
            TargetOverlay.requireFits(targets, cells.length, width, height);
        }
        int perLine = Math.max(1, (width + 1) / (BitmapFont.ADVANCE * fontScale));
        int lines = 0;
        for (String t : text) {
            lines = Math.max(lines, (t.length() + perLine - 1) / perLine);
        }
        int textHeight = lines == 0 ? 0 : lines * BitmapFont.LINE_HEIGHT * fontScale + fontScale;
        int columns = Math.min(nrow, cells.length);
        int rows = (cells.length + columns - 1) / columns;
        int cellWidth = width + padding;
        int cellHeight = height + textHeight + padding;
        Raster sheet = new Raster(new byte[(columns * cellWidth + padding) * (rows * cellHeight + padding) * 3],
                columns * cellWidth + padding, rows * cellHeight + padding, 3);
        DrawRectangle.fill(sheet, 0, 0, sheet.width - 1, sheet.height - 1, new int[] {padValue, padValue, padValue});
        for (int n = 0; n < cells.length; n++) {
            int left = (n % columns) * cellWidth + padding;
            int top = (n / columns) * cellHeight + padding;
            Raster cell = cells[n];
            if (boxes != null) {
                drawBoxes(cell, boxes, n);
            }
            if (targets != null) {
                TargetOverlay.draw(cell, targets, n, classNames, fontScale);
            }
            SideBySide.paste(sheet, cell, left, top, n);
            String t = text[n];
            for (int line = 0; line * perLine < t.length(); line++) {
                String part = t.substring(line * perLine, Math.min(t.length(), (line + 1) * perLine));
                BitmapFont.draw(sheet, left, top + height + fontScale + line * BitmapFont.LINE_HEIGHT * fontScale, part,
                        fontScale, TEXT);
            }
        }
        return sheet.toImage();
    }

    /** Each image of the batch as an RGB or grey raster of levels. */
    private Raster[] cells(Tensor images) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("contact_sheet needs images of shape N x C x H x W (float) or N x H x W x C "
                    + "(uint8), got " + Arrays.toString(images.shape()));
        }
        boolean bytes = images.dtype() == DType.UINT8;
        if (!bytes && images.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("contact_sheet needs float32 or uint8 images, got " + images.dtype());
        }
        int n = images.dim(0);
        int channels = bytes ? images.dim(3) : images.dim(1);
        int h = bytes ? images.dim(1) : images.dim(2);
        int w = bytes ? images.dim(2) : images.dim(3);
        if (n == 0 || channels < 1 || channels > 4 || h == 0 || w == 0) {
            throw new IllegalArgumentException("contact_sheet needs at least one image of 1 to 4 channels, got shape "
                    + Arrays.toString(images.shape()));
        }
        int shown = 3;
        byte[] raw = bytes ? images.toByteArray() : null;
        float[] values = bytes ? null : images.toFloatArray();
        Raster[] cells = new Raster[n];
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            byte[] out = new byte[plane * shown];
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < shown; c++) {
                    // Grey (and grey + alpha) images are shown as RGB, as make_grid repeats one channel.
                    int from = channels >= 3 ? c : 0;
                    if (bytes) {
                        out[p * shown + c] = raw[((i * plane) + p) * channels + from];
                    } else {
                        float x = values[(i * channels + from) * plane + p];
                        if (mean != null) {
                            x = x * pick(std, from) + pick(mean, from);
                        }
                        float level = x * 255f + 0.5f;
                        out[p * shown + c] = (byte) (int) (level < 0 ? 0 : Math.min(level, 255f));
                    }
                }
            }
            cells[i] = new Raster(out, w, h, shown);
        }
        return cells;
    }

    private static float pick(float[] values, int c) {
        return values.length == 1 ? values[0] : values[c];
    }

    private static String[] labelText(Tensor labels, int n) {
        String[] text = new String[n];
        Arrays.fill(text, "");
        if (labels == null) {
            return text;
        }
        if (labels.rank() < 1 || labels.dim(0) != n) {
            throw new IllegalArgumentException("contact_sheet has " + n + " images but labels of shape "
                    + Arrays.toString(labels.shape()));
        }
        int k = (int) (labels.numel() / Math.max(1, n));
        for (int i = 0; i < n; i++) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < k; j++) {
                double v = labels.getAsDouble((long) i * k + j);
                line.append(j == 0 ? "" : " ").append(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
            }
            text[i] = line.toString();
        }
        return text;
    }

    private static void drawBoxes(Raster cell, Tensor boxes, int n) {
        int perImage = (int) (boxes.numel() / Math.max(1, boxes.dim(0)));
        if (boxes.dim(0) <= n || perImage % 4 != 0) {
            throw new IllegalArgumentException("contact_sheet boxes must be N x 4 or N x B x 4 [x, y, w, h], got shape "
                    + Arrays.toString(boxes.shape()));
        }
        int[] red = DrawRectangle.levels(DrawRectangle.RED, cell.channels);
        for (int b = 0; b < perImage / 4; b++) {
            long at = (long) n * perImage + b * 4L;
            DrawRectangle.draw(cell, (int) boxes.getAsDouble(at), (int) boxes.getAsDouble(at + 1),
                    (int) boxes.getAsDouble(at + 2), (int) boxes.getAsDouble(at + 3), red, 2);
        }
    }

    @Override
    public Class<?> outputType() {
        return Image.class;
    }

    @Override
    public String toString() {
        return "contact_sheet(nrow=" + nrow + ", padding=" + padding + ")";
    }
}
