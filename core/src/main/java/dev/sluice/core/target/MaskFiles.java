package dev.sluice.core.target;

import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.SegmentationMask;
import java.io.IOException;

/** Reads a class-index mask file named by an entry's targets, when the sample is loaded. */
@FunctionalInterface
public interface MaskFiles {

    /**
     * The class-index mask in {@code path}, which must be of the image's size.
     *
     * @param path the mask file as the label format named it
     * @param image the decoded image's size
     * @throws IOException naming the file when it cannot be read, is not a class-index mask, or is of
     *         another size
     */
    SegmentationMask read(String path, CanvasSize image) throws IOException;
}
