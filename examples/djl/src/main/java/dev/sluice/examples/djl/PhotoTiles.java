package dev.sluice.examples.djl;

import dev.sluice.core.sampler.Seeds;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The example's dataset: square tiles cut from four photographs (grass, a leaf, flower petals, wood; see
 * {@code photos/ATTRIBUTION.md} beside them), written as JPEG files in ImageFolder's layout, a
 * folder per class under {@code train/} and {@code val/}.
 *
 * <p>Each photograph is 320 x 240. Training tiles come from its left 192 columns and validation
 * tiles from its right 128, so that no validation pixel was ever seen in training: a held-out
 * region of the same scene. Tile positions derive from the seed alone, so the same arguments
 * write the same files.
 *
 * <pre>{@code
 * PhotoTiles tiles = PhotoTiles.write(Path.of("target/tiles"), 120, 40, 1);
 * Path train = tiles.train();        // target/tiles/train/{grass,leaf,petals,wood}/0000.jpg ...
 * }</pre>
 */
public final class PhotoTiles {
    /** The classes, in label order (their folder names sort this way too). */
    public static final List<String> CLASSES = List.of("grass", "leaf", "petals", "wood");
    /** The side of a tile, in pixels. */
    public static final int TILE = 64;

    private static final int PHOTO_WIDTH = 320;
    private static final int PHOTO_HEIGHT = 240;
    private static final int TRAIN_COLUMNS = 192;
    private static final float JPEG_QUALITY = 0.92f;

    private final Path root;

    private PhotoTiles(Path root) {
        this.root = root;
    }

    /**
     * Writes the tiles under {@code root}, replacing tiles already there with the same names.
     *
     * @param root the folder to write into; created if missing
     * @param trainPerClass tiles per class for training, {@code >= 1}
     * @param valPerClass tiles per class for validation, {@code >= 1}
     * @param seed where the tile positions derive from
     * @return the written dataset
     * @throws IllegalArgumentException if a count is below 1
     * @throws UncheckedIOException if a photograph cannot be read or a tile cannot be written,
     *         naming the file
     */
    public static PhotoTiles write(Path root, int trainPerClass, int valPerClass, long seed) {
        if (trainPerClass < 1 || valPerClass < 1) {
            throw new IllegalArgumentException("tile counts must be >= 1, were train " + trainPerClass + " and val "
                    + valPerClass);
        }
        for (int label = 0; label < CLASSES.size(); label++) {
            String name = CLASSES.get(label);
            BufferedImage photo = photo(name);
            cut(photo, root.resolve("train").resolve(name), trainPerClass, 0, TRAIN_COLUMNS,
                    Seeds.random(seed, label, 0));
            cut(photo, root.resolve("val").resolve(name), valPerClass, TRAIN_COLUMNS, PHOTO_WIDTH,
                    Seeds.random(seed, label, 1));
        }
        return new PhotoTiles(root);
    }

    /** The training folder: one sub-folder of tiles per class. */
    public Path train() {
        return root.resolve("train");
    }

    /** The validation folder: one sub-folder of tiles per class. */
    public Path val() {
        return root.resolve("val");
    }

    /** The folder holding {@code train/} and {@code val/}. */
    public Path root() {
        return root;
    }

    private static BufferedImage photo(String name) {
        String resource = "photos/" + name + ".jpg";
        try (InputStream in = PhotoTiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the photograph " + resource + " is not on the class "
                        + "path beside " + PhotoTiles.class.getName()));
            }
            BufferedImage image = ImageIO.read(in);
            if (image == null || image.getWidth() != PHOTO_WIDTH || image.getHeight() != PHOTO_HEIGHT) {
                throw new UncheckedIOException(new IOException(resource + ": expected a " + PHOTO_WIDTH + "x"
                        + PHOTO_HEIGHT + " JPEG, got " + (image == null ? "no image" : image.getWidth() + "x"
                        + image.getHeight())));
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static void cut(BufferedImage photo, Path folder, int count, int fromColumn, int toColumn,
            SplittableRandom random) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < count; i++) {
            int x = fromColumn + random.nextInt(toColumn - fromColumn - TILE + 1);
            int y = random.nextInt(PHOTO_HEIGHT - TILE + 1);
            BufferedImage tile = new BufferedImage(TILE, TILE, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = tile.createGraphics();
            graphics.drawImage(photo.getSubimage(x, y, TILE, TILE), 0, 0, null);
            graphics.dispose();
            writeJpeg(tile, folder.resolve(String.format("%04d.jpg", i)));
        }
    }

    private static void writeJpeg(BufferedImage image, Path file) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }
}
