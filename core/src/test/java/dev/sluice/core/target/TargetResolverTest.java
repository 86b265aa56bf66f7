package dev.sluice.core.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.DecodeException;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targets;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetResolverTest {
    private static final CanvasSize IMAGE = new CanvasSize(4, 6);
    private static final MaskFiles NO_MASKS = (path, image) -> {
        throw new AssertionError("no mask file expected");
    };

    @TempDir
    Path dir;

    @Test
    void normalisedBoxesAreScaledByTheImageSizeInFloat32() throws IOException {
        EntryTargets yolo = EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, new float[] {0.5f, 0.5f, 0.1f, 0.3f},
                new long[] {4});
        BoundingBoxes boxes = TargetResolver.resolve(yolo, IMAGE, NO_MASKS).boxes().orElseThrow();
        assertEquals(IMAGE, boxes.canvas());
        assertArrayEquals(new float[] {3, 2, 0.1f * 6, 0.3f * 4}, boxes.coordinates());
        assertEquals(4, boxes.label(0));
    }

    @Test
    void aDeclaredSizeOtherThanTheImagesIsAnError() {
        EntryTargets coco = EntryTargets.boxes(BoxFormat.XYWH, Optional.of(new CanvasSize(6, 4)), new float[0],
                new long[0]);
        LabelFormatException e = assertThrows(LabelFormatException.class,
                () -> TargetResolver.resolve(coco, IMAGE, NO_MASKS));
        assertTrue(e.getMessage().startsWith("the annotations are for a 6x4 (HxW) image but the image decodes to 4x6"),
                e.getMessage());
    }

    @Test
    void outlinesBecomeOneInstanceLayerPerBox() throws IOException {
        InstanceShape square = InstanceShape.RunLengths.of(IMAGE, new int[] {9, 2, 2, 2, 9});
        InstanceShape triangle = InstanceShape.Polygons.of(List.of(new double[] {0, 0, 5, 0, 0, 3}));
        EntryTargets coco = EntryTargets.boxes(BoxFormat.XYWH, Optional.of(IMAGE), new float[] {2, 1, 2, 2, 0, 0, 5, 3},
                new long[] {1, 2}).withShapes(List.of(square, triangle));
        Targets targets = TargetResolver.resolve(coco, IMAGE, NO_MASKS);
        SegmentationMask mask = targets.mask().orElseThrow();
        assertEquals(SegmentationMask.Kind.INSTANCE, mask.kind());
        assertEquals(2, mask.layers());
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(y >= 1 && y <= 2 && x >= 2 && x <= 3 ? 1 : 0, mask.value(0, y, x), "square at " + y + "," + x);
            }
        }
        assertEquals(1, mask.value(1, 0, 0));
        assertEquals(0, mask.value(1, 3, 5));
    }

    @Test
    void paletteAndGreyPngsGiveTheirStoredIndices() throws IOException {
        byte[] colours = new byte[256];
        BufferedImage palette = new BufferedImage(6, 4, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, colours, colours, colours));
        palette.getRaster().setSample(5, 3, 0, 255);
        palette.getRaster().setSample(1, 0, 0, 15);
        Path paletteFile = dir.resolve("p.png");
        ImageIO.write(palette, "png", paletteFile.toFile());
        SegmentationMask classes = TargetResolver.resolve(EntryTargets.maskFile(paletteFile.toString()), IMAGE,
                new PngClassMasks()).mask().orElseThrow();
        assertEquals(DType.UINT8, classes.dtype());
        assertEquals(255, classes.value(0, 3, 5));
        assertEquals(15, classes.value(0, 0, 1));
        assertEquals(0, classes.value(0, 0, 0));

        BufferedImage grey16 = new BufferedImage(6, 4, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(2, 1, 0, 40000);
        Path greyFile = dir.resolve("g.png");
        ImageIO.write(grey16, "png", greyFile.toFile());
        SegmentationMask wide = new PngClassMasks().read(greyFile.toString(), IMAGE);
        assertEquals(DType.INT32, wide.dtype());
        assertEquals(40000, wide.value(0, 1, 2));
    }

    @Test
    void colourPngsAndOtherSizesAreRefused() throws IOException {
        Path colour = dir.resolve("c.png");
        ImageIO.write(new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB), "png", colour.toFile());
        DecodeException e = assertThrows(DecodeException.class, () -> new PngClassMasks().read(colour.toString(), IMAGE));
        assertTrue(e.getMessage().endsWith("a PNG with 3 channels; a class-index mask is a palette or grey PNG"),
                e.getMessage());
        LabelFormatException size = assertThrows(LabelFormatException.class,
                () -> new PngClassMasks().read(colour.toString(), new CanvasSize(6, 4)));
        assertTrue(size.getMessage().endsWith(": the mask is 4x6 (HxW) but its image is 6x4"), size.getMessage());
    }
}
