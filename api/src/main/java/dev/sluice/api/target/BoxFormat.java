package dev.sluice.api.target;

/**
 * How the four numbers of a bounding box are laid out, torchvision's {@code BoundingBoxFormat}.
 * Rotated formats are not supported.
 */
public enum BoxFormat {
    /** {@code [x1, y1, x2, y2]}: the top-left and bottom-right corners (Pascal VOC, torchvision's models). */
    XYXY,
    /** {@code [x1, y1, w, h]}: the top-left corner and the size (COCO's {@code bbox}). */
    XYWH,
    /** {@code [cx, cy, w, h]}: the centre and the size (YOLO's, normalised there). */
    CXCYWH;

    /**
     * Converts the box at {@code offset} of {@code boxes} from this format to {@code target}, in
     * place, with torchvision v2's float32 arithmetic ({@code _convert_bounding_box_format}):
     * conversions go through XYXY except XYWH and CXCYWH, which convert directly.
     */
    void convert(float[] boxes, int offset, BoxFormat target) {
        if (this == target) {
            return;
        }
        if (this == XYWH && target == CXCYWH) {
            boxes[offset] = boxes[offset] + boxes[offset + 2] / 2f;
            boxes[offset + 1] = boxes[offset + 1] + boxes[offset + 3] / 2f;
            return;
        }
        if (this == CXCYWH && target == XYWH) {
            boxes[offset] = boxes[offset] - boxes[offset + 2] / 2f;
            boxes[offset + 1] = boxes[offset + 1] - boxes[offset + 3] / 2f;
            return;
        }
        toXyxy(boxes, offset);
        XYXY.fromXyxy(boxes, offset, target);
    }

    private void toXyxy(float[] b, int o) {
        switch (this) {
            case XYWH -> {
                b[o + 2] = b[o + 2] + b[o];
                b[o + 3] = b[o + 3] + b[o + 1];
            }
            case CXCYWH -> {
                b[o] = b[o] - b[o + 2] / 2f;
                b[o + 1] = b[o + 1] - b[o + 3] / 2f;
                b[o + 2] = b[o + 2] + b[o];
                b[o + 3] = b[o + 3] + b[o + 1];
            }
            case XYXY -> {
            }
        }
    }

    private void fromXyxy(float[] b, int o, BoxFormat target) {
        switch (target) {
            case XYWH -> {
                b[o + 2] = b[o + 2] - b[o];
                b[o + 3] = b[o + 3] - b[o + 1];
            }
            case CXCYWH -> {
                b[o + 2] = b[o + 2] - b[o];
                b[o + 3] = b[o + 3] - b[o + 1];
                b[o] = (b[o] * 2f + b[o + 2]) / 2f;
                b[o + 1] = (b[o + 1] * 2f + b[o + 3]) / 2f;
            }
            case XYXY -> {
            }
        }
    }
}
