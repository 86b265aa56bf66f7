package dev.sluice.examples.walkthrough;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DType;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Region;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seed recipe's image helpers ({@code image_processing.py}) on either decoder backend: read an
 * image (optionally resized and scaled to [0, 1]), read a region at reduced scale, save an image, and
 * save an image with its side-by-side comparison. Pass the {@code opencv} or {@code imageio} decoder
 * and encoder (or any plugin's); the pixels are the same.
 *
 * <pre>{@code
 * PluginRegistry plugins = PluginRegistry.discover(getClass().getClassLoader());
 * SeedImages images = new SeedImages(
 *         plugins.require(PluginKind.DECODER, ImageDecoderProvider.class, "imageio", "here").create(Options.empty()),
 *         plugins.require(PluginKind.ENCODER, ImageEncoderProvider.class, "imageio", "here").create(Options.empty()));
 * Image cat = images.readImage(Path.of("cat.jpg"), 256, null);        // height 256, width keeps the aspect
 * Image face = images.fastReadImageRoi(Path.of("cat.jpg"), new Region(40, 20, 100, 80), 2, ColorMode.GRAY);
 * images.combineSaveImage(cat, face, Path.of("out"), "cat", "face");  // out/cat_face.jpg, out/cat_src_face.jpg
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe when the decoder and encoder are.
 */
public final class SeedImages {
    private static final SplittableRandom UNUSED_RANDOM = new SplittableRandom(0);

    private final ImageDecoder decoder;
    private final ImageEncoder encoder;
    private final Transform<List<?>, Image> sideBySide;

    /**
     * @param decoder reads images
     * @param encoder writes PNG and JPEG files
     */
    public SeedImages(ImageDecoder decoder, ImageEncoder encoder) {
        this.decoder = decoder;
        this.encoder = encoder;
        this.sideBySide = Plugins.transform("side_by_side", Map.of());
    }

    /**
     * The recipe's {@code read_image}: RGB (grey expanded to three channels), resized as
     * {@code cv2.resize} (bilinear) when a size is given; one side null keeps the aspect ratio with
     * the recipe's {@code int()} rounding; both null keeps the stored size.
     *
     * @throws DecodeException naming the file when it cannot be read or decoded
     */
    public Image readImage(Path file, Integer resizeHeight, Integer resizeWidth) throws DecodeException {
        Image image = decoder.decode(file, DecodeOptions.DEFAULT);
        if (resizeHeight == null && resizeWidth == null) {
            return image;
        }
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("antialias", false);
        if (resizeHeight != null) {
            size.put("height", resizeHeight);
        }
        if (resizeWidth != null) {
            size.put("width", resizeWidth);
        }
        return Plugins.<Image, Image>transform("resize", size).apply(image, UNUSED_RANDOM);
    }

    /**
     * The recipe's {@code read_image(..., normalization=True)}: as {@link #readImage}, then scaled to
     * float32 in [0, 1], still HWC (height x width x 3).
     */
    public Tensor readImageNormalized(Path file, Integer resizeHeight, Integer resizeWidth) throws DecodeException {
        Image image = readImage(file, resizeHeight, resizeWidth);
        ByteBuffer pixels = image.pixels();
        ByteBuffer floats = ByteBuffer.allocate(image.byteSize() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer out = floats.asFloatBuffer();
        for (int i = 0; i < image.byteSize(); i++) {
            out.put((pixels.get(i) & 0xFF) / 255f);
        }
        return Tensor.wrap(DType.FLOAT32, new int[] {image.height(), image.width(), image.channels()}, floats);
    }

    /**
     * The recipe's {@code fast_read_image_roi}: decodes at 1/{@code reduce} of the stored size
     * ({@code IMREAD_REDUCED_*}, in the DCT domain where the codec can) and cuts out {@code rect},
     * given in original-image coordinates and scaled with the reduction — for every mode, unlike the
     * recipe, whose grey 1/2 mode never scaled it.
     *
     * @param reduce 1, 2, 4 or 8
     * @param mode {@link ColorMode#RGB} or {@link ColorMode#GRAY}
     * @throws DecodeException naming the file when it cannot be decoded or {@code rect} lies outside it
     */
    public Image fastReadImageRoi(Path file, Region rect, int reduce, ColorMode mode) throws DecodeException {
        return decoder.decode(file, DecodeOptions.DEFAULT.withMode(mode).withReduce(reduce).withRegion(rect));
    }

    /**
     * {@link #fastReadImageRoi(Path, Region, int, ColorMode)} with the boxes, mask and key points drawn
     * on the whole image moved onto the region read: cropped to {@code rect} as torchvision's
     * {@code crop} moves them (boxes clamped to it), then resized to the decoded region's size as
     * {@code resize} moves them (the reduction).
     *
     * @param targets on the whole image as decoded without reduction; {@code rect} must lie on their canvas
     * @throws IllegalArgumentException when {@code rect} does not lie on the targets' canvas
     * @throws DecodeException as {@link #fastReadImageRoi(Path, Region, int, ColorMode)}
     */
    public Targeted<Image> fastReadImageRoi(Path file, Region rect, int reduce, ColorMode mode, Targets targets)
            throws DecodeException {
        targets.canvas().ifPresent(canvas -> {
            if (!rect.fitsIn(canvas.width(), canvas.height())) {
                throw new IllegalArgumentException("the region " + rect + " does not lie on the targets' " + canvas
                        + " (HxW) canvas");
            }
        });
        Image image = fastReadImageRoi(file, rect, reduce, mode);
        return Targeted.of(image, targets.cropped(rect.x(), rect.y(), rect.width(), rect.height())
                .resized(image.width(), image.height()));
    }

    /**
     * The recipe's {@code save_image} for 8-bit images: PNG or JPEG by the file's extension; a grey
     * image is saved as three channels, as the recipe does.
     *
     * @throws EncodeException naming the file when it cannot be encoded or written
     */
    public void saveImage(Path file, Image image) throws EncodeException {
        encoder.write(asRgb(image), file, EncodeOptions.forFile(file));
    }

    /**
     * The recipe's {@code save_image(..., toUINT8=True)}: a float32 HWC tensor in [0, 1] (what
     * {@link #readImageNormalized} gives) scaled to 8 bits, rounded and clamped, then saved.
     *
     * @throws IllegalArgumentException when the tensor is not float32 height x width x 1 or 3
     * @throws EncodeException naming the file when it cannot be encoded or written
     */
    public void saveImage(Path file, Tensor hwc) throws EncodeException {
        int[] shape = hwc.shape();
        if (hwc.dtype() != DType.FLOAT32 || shape.length != 3 || (shape[2] != 1 && shape[2] != 3)) {
            throw new IllegalArgumentException("save_image needs a float32 height x width x 1 or 3 tensor, got " + hwc);
        }
        byte[] samples = new byte[Math.toIntExact(hwc.numel())];
        for (int i = 0; i < samples.length; i++) {
            float level = Math.round(hwc.getFloat(i) * 255f);
            samples[i] = (byte) Math.max(0, Math.min(255, level));
        }
        saveImage(file, Image.wrap(shape[1], shape[0], shape[2], samples));
    }

    /**
     * The recipe's {@code combime_save_image}: saves {@code dest} as {@code outDir/name_prefix.jpg}
     * and {@code orig} and {@code dest} side by side as {@code outDir/name_src_prefix.jpg}; creates
     * {@code outDir} when missing.
     *
     * @throws EncodeException naming the file when one cannot be written
     */
    public void combineSaveImage(Image orig, Image dest, Path outDir, String name, String prefix)
            throws EncodeException {
        saveImage(outDir.resolve(name + "_" + prefix + ".jpg"), dest);
        saveImage(outDir.resolve(name + "_src_" + prefix + ".jpg"),
                sideBySide.apply(List.of(asRgb(orig), asRgb(dest)), UNUSED_RANDOM));
    }

    private static Image asRgb(Image image) {
        if (image.channels() != 1) {
            return image;
        }
        byte[] rgb = new byte[image.width() * image.height() * 3];
        ByteBuffer grey = image.pixels();
        for (int i = 0; i < image.width() * image.height(); i++) {
            byte level = grey.get(i);
            rgb[3 * i] = level;
            rgb[3 * i + 1] = level;
            rgb[3 * i + 2] = level;
        }
        return Image.wrap(image.width(), image.height(), 3, rgb);
    }
}
