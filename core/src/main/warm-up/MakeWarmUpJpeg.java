import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes core's warm-up image, src/main/resources/dev/sluice/core/wiring/warm-up.jpg: 500x375 (the size of a
 * typical photograph in an ImageNet-style set), baseline, 4:2:0, standard Huffman tables, quality 80, with
 * gradients, edges and texture so that its coded blocks are as varied as a photograph's. Run from core/:
 * {@code java src/main/warm-up/MakeWarmUpJpeg.java}.
 */
public final class MakeWarmUpJpeg {
    public static void main(String[] args) throws IOException {
        int width = 500;
        int height = 375;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(14);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sky = Math.max(0, 1 - y / 180.0);
                double wave = Math.sin(x / 23.0 + Math.cos(y / 31.0) * 2) * 40;
                boolean disc = Math.hypot(x - 330, y - 200) < 90;
                int grain = random.nextInt(-6, 7);
                int r = (int) (disc ? 200 + wave / 2 : 60 + sky * 120 + wave) + grain;
                int g = (int) (disc ? 90 + wave : 110 + sky * 90 + ((x / 17 + y / 13) % 2) * 30) + grain;
                int b = (int) (disc ? 40 : 70 + sky * 170 - wave / 2) + grain;
                image.setRGB(x, y, clamp(r) << 16 | clamp(g) << 8 | clamp(b));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.80f);
        Path out = Path.of("src/main/resources/dev/sluice/core/wiring/warm-up.jpg");
        Files.deleteIfExists(out);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        System.out.println(out + ": " + Files.size(out) + " bytes");
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
