import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes the four class photographs of the DJL example from Debian's mate-backgrounds wallpapers:
 * a 1024 x 768 region of each, scaled down to 320 x 240 by area averaging, baseline JPEG at quality 90.
 *
 * <pre>java MakeCrops.java /usr/share/backgrounds/mate/nature ../src/main/resources/dev/sluice/examples/djl/photos</pre>
 */
public class MakeCrops {
    // name, original, left, top of the 1024 x 768 region
    private static final Object[][] CROPS = {
        {"grass", "GreenMeadow.jpg", 128, 128},
        {"leaf", "Blinds.jpg", 448, 216},
        {"petals", "FreshFlower.jpg", 288, 217},
        {"wood", "Wood.jpg", 768, 576},
    };

    public static void main(String[] args) throws IOException {
        File source = new File(args[0]);
        File target = new File(args[1]);
        for (Object[] crop : CROPS) {
            BufferedImage original = ImageIO.read(new File(source, (String) crop[1]));
            BufferedImage region = original.getSubimage((Integer) crop[2], (Integer) crop[3], 1024, 768);
            Image scaled = region.getScaledInstance(320, 240, Image.SCALE_AREA_AVERAGING);
            BufferedImage out = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = out.createGraphics();
            graphics.drawImage(scaled, 0, 0, null);
            graphics.dispose();
            write(out, new File(target, crop[0] + ".jpg"));
        }
    }

    private static void write(BufferedImage image, File file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        file.delete();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
