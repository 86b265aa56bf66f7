package dev.sluice.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.core.testing.RandomCropToFloats;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample recipe on real JPEG bytes (written and read by the JDK's own JPEG codec): what it
 * decodes, that the prepared and the whole route draw and write the same values, and how each
 * failing step is worded and handed to the caller's failure.
 */
class SampleRecipeTest {
    private static byte[] jpeg;
    /** The JDK's own reading of the same bytes, RGB interleaved. */
    private static byte[] expectedPixels;

    @TempDir
    Path dir;

    @BeforeAll
    static void encodeAJpeg() throws IOException {
        BufferedImage picture = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                picture.setRGB(x, y, (x * 16) << 16 | (y * 32) << 8 | 128);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(picture, "jpg", out));
        jpeg = out.toByteArray();
        expectedPixels = rgb(ImageIO.read(new ByteArrayInputStream(jpeg)));
    }

    /** A decoder over the JDK's ImageIO that remembers the options it was given. */
    static final class JdkDecoder implements ImageDecoder {
        final AtomicReference<DecodeOptions> given = new AtomicReference<>();

        @Override
        public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
            given.set(options);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.duplicate().get(bytes);
            BufferedImage read;
            try {
                read = ImageIO.read(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new DecodeException("<bytes>", "not a JPEG the JDK reads: " + e.getMessage(), e);
            }
            if (read == null) {
                throw new DecodeException("<bytes>", "not an image the JDK reads");
            }
            return Image.wrap(read.getWidth(), read.getHeight(), 3, rgb(read));
        }
    }

    private static byte[] rgb(BufferedImage image) {
        byte[] pixels = new byte[image.getWidth() * image.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                pixels[i++] = (byte) (rgb >> 16);
                pixels[i++] = (byte) (rgb >> 8);
                pixels[i++] = (byte) rgb;
            }
        }
        return pixels;
    }

    private static SampleRecipe.Failure named(String where) {
        return (reason, cause) -> new SampleLoadException(3, where, reason, cause);
    }

    @Test
    void decodesTheJpegWithItsOwnOptionsAndTransformsIt() {
        JdkDecoder decoder = new JdkDecoder();
        DecodeOptions options = DecodeOptions.DEFAULT.withMode(ColorMode.RGB).withReduce(1);
        SampleRecipe<Image> recipe = new SampleRecipe<>(decoder, options, Transform.identity());
        Image image = recipe.decode(ByteBuffer.wrap(jpeg), named("a.jpg"));
        assertSame(options, decoder.given.get());
        assertEquals(16, image.width());
        assertEquals(8, image.height());
        byte[] pixels = new byte[image.width() * image.height() * 3];
        image.pixels().get(pixels);
        assertArrayEquals(expectedPixels, pixels);
        assertSame(image, recipe.transform(image, SampleRandom.outsideALoader(3), named("a.jpg")));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aTransformThatDoesNotTakeAnImageIsRefusedWhenTheRecipeIsMade() {
        Transform<Tensor, Tensor> tensorStep = new Transform<>() {
            @Override
            public Tensor apply(Tensor input, java.util.random.RandomGenerator random) {
                return input;
            }

            @Override
            public Class<?> inputType() {
                return Tensor.class;
            }

            @Override
            public String toString() {
                return "normalize";
            }
        };
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT, (Transform) tensorStep));
        assertEquals("the transform normalize takes a Tensor, but a dataset hands it the decoded Image",
                refused.getMessage());
    }

    @Test
    void aFileIsDecodedAsItsBytesAre() throws IOException {
        SampleRecipe<Image> recipe = new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT, Transform.identity());
        Path file = Files.write(dir.resolve("a.jpg"), jpeg);
        assertEquals(recipe.decode(ByteBuffer.wrap(jpeg), named("bytes")), recipe.decode(file, named(file.toString())));
    }

    @Test
    void thePreparedRouteWritesWhatTheWholeRouteGivesForTheSameRandomKey() {
        SampleRecipe<Tensor> recipe = new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT,
                new RandomCropToFloats());
        assertTrue(recipe.writesIntoSlots());
        Image image = recipe.decode(ByteBuffer.wrap(jpeg), named("a.jpg"));
        for (long position = 0; position < 8; position++) {
            Tensor whole = recipe.transform(image, SampleRandom.at(5, 1, position), named("a.jpg"));
            SlotTransform.Pending pending = recipe.prepare(image, SampleRandom.at(5, 1, position), named("a.jpg"));
            ByteBuffer slots = ByteBuffer.allocate((int) pending.byteSize() * 2).order(ByteOrder.LITTLE_ENDIAN);
            pending.writeTo(slots, (int) pending.byteSize());
            byte[] written = Arrays.copyOfRange(slots.array(), (int) pending.byteSize(), slots.capacity());
            assertArrayEquals(whole.toByteArray(), written, "position " + position);
        }
        Tensor first = recipe.transform(image, SampleRandom.at(5, 1, 0), named("a.jpg"));
        boolean anotherDraw = false;
        for (long position = 1; position < 8 && !anotherDraw; position++) {
            anotherDraw = !first.equals(recipe.transform(image, SampleRandom.at(5, 1, position), named("a.jpg")));
        }
        assertTrue(anotherDraw, "the random key changes the crop");
    }

    @Test
    void bytesThatDoNotDecodeFailWithTheDecodersReasonAndCause() {
        SampleRecipe<Image> recipe = new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT, Transform.identity());
        byte[] text = "not a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        SampleLoadException refused = assertThrows(SampleLoadException.class,
                () -> recipe.decode(ByteBuffer.wrap(text), named("text.jpg")));
        assertEquals("sample 3 (text.jpg): not an image the JDK reads", refused.getMessage());
        assertInstanceOf(DecodeException.class, refused.getCause());
    }

    @Test
    void aMissingFileIsNamedByTheCaller() {
        SampleRecipe<Image> recipe = new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT, Transform.identity());
        Path missing = dir.resolve("gone.jpg");
        SampleLoadException refused = assertThrows(SampleLoadException.class,
                () -> recipe.decode(missing, named(missing.toString())));
        assertEquals("sample 3 (" + missing + "): no such file", refused.getMessage());
    }

    @Test
    void aTransformThatThrowsOrReturnsNullIsTheSamplesFailure() {
        Image image = new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT, Transform.identity())
                .decode(ByteBuffer.wrap(jpeg), named("a.jpg"));
        Image tiny = Image.wrap(2, 1, 3, new byte[6]);
        SampleRecipe<Tensor> crop = new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT,
                new RandomCropToFloats());
        SampleLoadException thrown = assertThrows(SampleLoadException.class,
                () -> crop.transform(tiny, SampleRandom.outsideALoader(0), named("t.jpg")));
        assertEquals("sample 3 (t.jpg): the transform failed: needs at least 3x2, got 2x1", thrown.getMessage());
        assertInstanceOf(IllegalArgumentException.class, thrown.getCause());
        SampleLoadException prepared = assertThrows(SampleLoadException.class,
                () -> crop.prepare(tiny, SampleRandom.outsideALoader(0), named("t.jpg")));
        assertEquals(thrown.getMessage(), prepared.getMessage());

        SampleRecipe<Object> nothing = new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT,
                Transform.typed(Image.class, Object.class, (input, random) -> null));
        SampleLoadException none = assertThrows(SampleLoadException.class,
                () -> nothing.transform(image, SampleRandom.outsideALoader(0), named("a.jpg")));
        assertEquals("sample 3 (a.jpg): the transform returned null", none.getMessage());
        assertNull(none.getCause());
    }

    @Test
    void onlyASlotTransformPrepares() {
        SampleRecipe<Image> recipe = new SampleRecipe<>(new JdkDecoder(), DecodeOptions.DEFAULT, Transform.identity());
        assertFalse(recipe.writesIntoSlots());
        Image image = recipe.decode(ByteBuffer.wrap(jpeg), named("a.jpg"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> recipe.prepare(image, SampleRandom.outsideALoader(0), named("a.jpg")));
        assertTrue(refused.getMessage().endsWith("is not a SlotTransform, so it cannot write into a batch; use transform"),
                refused.getMessage());
    }
}
