package dev.sluice.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.core.target.MaskFiles;
import org.junit.jupiter.api.Test;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recipe decodes a sample with targets so that the canvas its label source declares holds, and
 * runs the transform on the image and its targets together.
 */
class SampleRecipeTargetsTest {
    private static final CanvasSize STORED = new CanvasSize(49, 67);
    private static final Path FILE = Path.of("photo.jpg");

    /** Decodes every file to the stored 67 x 49 image, reduced and cut as asked; keeps the options it got. */
    private static final class StoredImageDecoder implements ImageDecoder {
        final List<DecodeOptions> asked = new ArrayList<>();

        @Override
        public Image decode(ByteBuffer encoded, DecodeOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Image decode(Path file, DecodeOptions options) throws DecodeException {
            asked.add(options);
            int width = options.region() == null ? STORED.width() : options.region().width();
            int height = options.region() == null ? STORED.height() : options.region().height();
            int reduce = options.reduce() > 1 ? options.reduce()
                    : options.autoReduce().equals(ReduceLimit.NONE) ? 1 : 2;
            width = (width + reduce - 1) / reduce;
            height = (height + reduce - 1) / reduce;
            return Image.wrap(width, height, 3, new byte[width * height * 3]);
        }
    }

    private static SampleRecipe.Failure named() {
        return (reason, cause) -> new SampleLoadException(3, FILE.toString(), reason, cause);
    }

    private static EntryTargets cocoBoxes() {
        return EntryTargets.boxes(BoxFormat.XYWH, Optional.of(STORED), new float[] {10, 4, 30, 20, 40.5f, 30, 26.5f, 19},
                new long[] {1, 4});
    }

    private static final MaskFiles NO_MASKS = (path, image) -> {
        throw new AssertionError("no mask file here");
    };

    @Test
    void boxesForTheStoredPixelsAreDecodedWithoutTheExifTurn() {
        StoredImageDecoder decoder = new StoredImageDecoder();
        SampleRecipe<Image> recipe = new SampleRecipe<>(decoder, DecodeOptions.DEFAULT, Transform.identity());
        Targeted<Image> sample = recipe.decode(FILE, cocoBoxes(), NO_MASKS, named());
        assertFalse(decoder.asked.get(0).applyExifOrientation());
        BoundingBoxes boxes = sample.targets().boxes().orElseThrow();
        assertEquals(STORED, boxes.canvas());
        assertArrayEquals(new float[] {10, 4, 30, 20, 40.5f, 30, 26.5f, 19}, boxes.coordinates());
        assertArrayEquals(new long[] {1, 4}, boxes.labels());
    }

    @Test
    void aReducedDecodeMovesTheBoxesAsAResizeToTheDecodedSize() {
        StoredImageDecoder decoder = new StoredImageDecoder();
        SampleRecipe<Image> recipe = new SampleRecipe<>(decoder, DecodeOptions.DEFAULT.withReduce(2), Transform.identity());
        Targeted<Image> sample = recipe.decode(FILE, cocoBoxes(), NO_MASKS, named());
        assertEquals(34, sample.value().width());
        BoundingBoxes boxes = sample.targets().boxes().orElseThrow();
        BoundingBoxes expected = BoundingBoxes.of(BoxFormat.XYWH, STORED, cocoBoxes().coordinates(), new long[] {1, 4});
        assertEquals(Targets.NONE.withBoxes(expected).resized(34, 25).boxes().orElseThrow(), boxes);
        assertEquals(new CanvasSize(25, 34), boxes.canvas());
    }

    @Test
    void normalisedPolygonsAndKeyPointsAreScaledToTheReducedDecodedSize() {
        StoredImageDecoder decoder = new StoredImageDecoder();
        SampleRecipe<Image> recipe = new SampleRecipe<>(decoder, DecodeOptions.DEFAULT.withReduce(2), Transform.identity());
        EntryTargets yolo = EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, new float[] {0.5f, 0.5f, 0.5f, 0.5f},
                new long[] {3}).withShapes(List.of(InstanceShape.Polygons.of(List.of(
                        new double[] {0.25, 0.25, 0.75, 0.25, 0.75, 0.75, 0.25, 0.75}))))
                .withKeyPoints(2, new float[] {0.5f, 0.5f, 1, 0}, new float[] {2, 0});
        Targeted<Image> sample = recipe.decode(FILE, yolo, NO_MASKS, named());
        CanvasSize decoded = new CanvasSize(25, 34);
        assertEquals(decoded, sample.targets().canvas().orElseThrow());
        assertArrayEquals(new float[] {17, 12.5f, 34, 0}, sample.targets().keyPoints().orElseThrow().coordinates());
        assertArrayEquals(new float[] {2, 0}, sample.targets().keyPoints().orElseThrow().visibility().orElseThrow());
        SegmentationMask layer = sample.targets().mask().orElseThrow();
        assertEquals(1, layer.layers());
        // The square 8.5..25.5 x 6.25..18.75 of the 34 x 25 image: its centre is in, a corner pixel is out.
        assertEquals(1, layer.value(0, 12, 17));
        assertEquals(0, layer.value(0, 0, 0));
    }

    @Test
    void aRegionCropsTheBoxesFirst() {
        StoredImageDecoder decoder = new StoredImageDecoder();
        SampleRecipe<Image> recipe = new SampleRecipe<>(decoder,
                DecodeOptions.DEFAULT.withRegion(new Region(20, 10, 40, 30)).withReduce(2), Transform.identity());
        Targeted<Image> sample = recipe.decode(FILE, cocoBoxes(), NO_MASKS, named());
        BoundingBoxes boxes = sample.targets().boxes().orElseThrow();
        assertEquals(new CanvasSize(15, 20), boxes.canvas());
        // box 0, x 10..40, y 4..24: cut to x 20..40, y 10..24, then halved: [0, 0, 10, 7] as XYWH
        BoundingBoxes first = boxes.to(BoxFormat.XYXY);
        assertArrayEquals(new float[] {0, 0, 10, 7}, new float[] {first.coordinate(0, 0), first.coordinate(0, 1),
                first.coordinate(0, 2), first.coordinate(0, 3)});
    }

    @Test
    void annotationsForAnotherSizeAreRefusedNamingBoth() {
        EntryTargets other = EntryTargets.boxes(BoxFormat.XYWH, Optional.of(new CanvasSize(67, 49)), new float[] {1, 1, 2, 2},
                new long[] {0});
        SampleRecipe<Image> recipe = new SampleRecipe<>(new StoredImageDecoder(), DecodeOptions.DEFAULT, Transform.identity());
        SampleLoadException e = assertThrows(SampleLoadException.class, () -> recipe.decode(FILE, other, NO_MASKS, named()));
        assertTrue(e.getMessage().contains("the annotations are for a 67x49 (HxW) image but the image decodes to 49x67"),
                e.getMessage());
        assertTrue(e.getMessage().contains("photo.jpg"), e.getMessage());
    }

    @Test
    void aMaskFileNeedsTheImageAtItsStoredSize() {
        SegmentationMask mask = SegmentationMask.classIndex(STORED, new byte[(int) STORED.pixels()]);
        MaskFiles masks = (path, image) -> {
            assertEquals(STORED, image);
            return mask;
        };
        StoredImageDecoder decoder = new StoredImageDecoder();
        SampleRecipe<Image> auto = new SampleRecipe<>(decoder,
                DecodeOptions.DEFAULT.withAutoReduce((w, h) -> 2), Transform.identity());
        Targeted<Image> sample = auto.decode(FILE, EntryTargets.maskFile("photo.png"), masks, named());
        assertEquals(ReduceLimit.NONE, decoder.asked.get(0).autoReduce(), "decoded unreduced");
        assertEquals(mask, sample.targets().mask().orElseThrow());

        SampleRecipe<Image> halved = new SampleRecipe<>(decoder, DecodeOptions.DEFAULT.withReduce(2), Transform.identity());
        SampleLoadException e = assertThrows(SampleLoadException.class,
                () -> halved.decode(FILE, EntryTargets.maskFile("photo.png"), masks, named()));
        assertTrue(e.getMessage().contains("cannot be decoded reduced by 2"), e.getMessage());
    }

    @Test
    void aTransformThatCannotMoveTargetsFailsTheSampleNamingItself() {
        Transform<Image, Image> swirl = new Transform<>() {
            @Override
            public Image apply(Image image, java.util.random.RandomGenerator random) {
                return image;
            }

            @Override
            public String toString() {
                return "acme-swirl";
            }
        };
        SampleRecipe<Image> recipe = new SampleRecipe<>(new StoredImageDecoder(), DecodeOptions.DEFAULT, swirl);
        Targeted<Image> sample = recipe.decode(FILE, cocoBoxes(), NO_MASKS, named());
        SampleLoadException e = assertThrows(SampleLoadException.class,
                () -> recipe.transform(sample, SampleRandom.outsideALoader(3), named()));
        assertTrue(e.getMessage().contains("acme-swirl cannot move boxes with the image"), e.getMessage());
        assertEquals(sample.value(), recipe.transform(Targeted.of(sample.value()), SampleRandom.outsideALoader(3), named())
                .value(), "without targets it runs as before");
    }
}
