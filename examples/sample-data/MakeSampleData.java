import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes the sample images from Debian's mate-backgrounds wallpapers: each one cut to 4:3 about its
 * centre, scaled down to 160 x 120 (halving with bilinear filtering, which averages like a box
 * filter, then one last bilinear step) and written as baseline JPEG at quality 85.
 *
 * <pre>
 * apt-get download mate-backgrounds &amp;&amp; dpkg -x mate-backgrounds_*.deb x
 * java MakeSampleData.java x/usr/share/backgrounds/mate/nature images
 * </pre>
 */
public class MakeSampleData {
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final float QUALITY = 0.85f;

    public static void main(String[] args) throws IOException {
        Path from = Path.of(args[0]);
        Path to = Files.createDirectories(Path.of(args[1]));
        Map<String, String> names = new TreeMap<>(Map.of(
                "Aqua.jpg", "aqua.jpg", "Blinds.jpg", "blinds.jpg", "Dune.jpg", "dune.jpg",
                "FreshFlower.jpg", "fresh-flower.jpg", "Garden.jpg", "garden.jpg",
                "GreenMeadow.jpg", "green-meadow.jpg", "LadyBird.jpg", "lady-bird.jpg",
                "RainDrops.jpg", "rain-drops.jpg", "Storm.jpg", "storm.jpg", "YellowFlower.jpg", "yellow-flower.jpg"));
        for (Map.Entry<String, String> name : names.entrySet()) {
            BufferedImage source = ImageIO.read(from.resolve(name.getKey()).toFile());
            BufferedImage small = scale(cropTo4x3(source));
            write(small, to.resolve(name.getValue()));
            System.out.println(name.getValue() + " " + Files.size(to.resolve(name.getValue())) + " bytes");
        }
    }

    static BufferedImage cropTo4x3(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int cropW = Math.min(w, h * 4 / 3);
        int cropH = cropW * 3 / 4;
        return image.getSubimage((w - cropW) / 2, (h - cropH) / 2, cropW, cropH);
    }

    static BufferedImage scale(BufferedImage image) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= WIDTH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, WIDTH, HEIGHT);
    }

    static BufferedImage draw(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    static void write(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
