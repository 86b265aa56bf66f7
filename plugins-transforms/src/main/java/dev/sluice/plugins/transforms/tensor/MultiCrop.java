package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Tensor;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.target.UnsupportedTargetsException;
import dev.sluice.plugins.transforms.Size;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What {@code five_crop} and {@code ten_crop} share: torchvision's {@code five_crop} of a tensor
 * {@code [..., H, W]} (any dtype), the crops stacked on a new first dimension. The crops are the
 * corners top-left {@code (0, 0)}, top-right {@code (0, W - w)}, bottom-left {@code (H - h, 0)},
 * bottom-right {@code (H - h, W - w)} and the centre {@code (rint((H - h) / 2), rint((W - w) / 2))},
 * as (top, left); ten crop adds the same five of the image flipped left-right (or top-bottom).
 */
final class MultiCrop {
    private MultiCrop() {
    }

    /**
     * The crops of {@code tensor} stacked: {@code [5 or 10, ..., h, w]}.
     *
     * @throws IllegalArgumentException when the tensor has fewer than two dimensions or the crop is larger than it
     */
    static Tensor crops(Tensor tensor, Size size, boolean flipped, boolean vertical, String id) {
        int rank = tensor.rank();
        if (rank < 2) {
            throw new IllegalArgumentException(id + " takes a tensor image [..., H, W] (put it after to_tensor), got "
                    + Arrays.toString(tensor.shape()));
        }
        int height = tensor.dim(rank - 2);
        int width = tensor.dim(rank - 1);
        int h = size.height();
        int w = size.width();
        if (w > width || h > height) {
            throw new IllegalArgumentException(id + ": Requested crop size (" + h + ", " + w + ") is bigger than input size ("
                    + height + ", " + width + ")");
        }
        int element = tensor.dtype().byteSize();
        byte[] source = tensor.toByteArray();
        int planes = (int) (tensor.numel() / ((long) height * width));
        int[][] anchors = {{0, 0}, {0, width - w}, {height - h, 0}, {height - h, width - w},
            {(int) Math.rint((height - h) / 2.0), (int) Math.rint((width - w) / 2.0)}};
        int count = flipped ? 10 : 5;
        int cropBytes = Math.multiplyExact(Math.multiplyExact(planes, h * w), element);
        byte[] out = new byte[Math.multiplyExact(cropBytes, count)];
        int at = 0;
        for (int k = 0; k < count; k++) {
            boolean flip = k >= 5;
            int top = anchors[k % 5][0];
            int left = anchors[k % 5][1];
            for (int plane = 0; plane < planes; plane++) {
                int base = plane * height * width;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        // Pixel (top + y, left + x) of the image, or of its mirror image when flipped.
                        int sy = flip && vertical ? height - 1 - (top + y) : top + y;
                        int sx = flip && !vertical ? width - 1 - (left + x) : left + x;
                        System.arraycopy(source, (base + sy * width + sx) * element, out, at, element);
                        at += element;
                    }
                }
            }
        }
        int[] shape = new int[rank + 1];
        shape[0] = count;
        System.arraycopy(tensor.shape(), 0, shape, 1, rank);
        shape[rank - 1] = h;
        shape[rank] = w;
        return Tensor.wrap(tensor.dtype(), shape, ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN));
    }

    /**
     * The crops with their targets, as torchvision v2 treats them: key points pass through unchanged,
     * boxes and masks are refused.
     *
     * @throws UnsupportedTargetsException when there are boxes or a mask
     */
    static Targeted<Tensor> withTargets(Targeted<? extends Tensor> input, Size size, boolean flipped, boolean vertical,
            String id) {
        Targets targets = input.targets();
        if (targets.boxes().isPresent() || targets.mask().isPresent()) {
            throw new UnsupportedTargetsException(id + " cannot carry " + (targets.boxes().isPresent() ? "bounding boxes"
                    : "a segmentation mask") + ": each crop would need its own (torchvision v2 raises TypeError); "
                    + "crop with center_crop or random_crop instead");
        }
        return Targeted.of(crops(input.value(), size, flipped, vertical, id), targets);
    }
}
