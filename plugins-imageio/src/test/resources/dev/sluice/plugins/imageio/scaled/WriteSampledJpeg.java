import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * usage: java WriteSampledJpeg.java IN.png OUT.jpg QUALITY LUMA_H LUMA_V RESTART_INTERVAL
 * Writes IN as a baseline JPEG with the JDK's writer, luma sampled LUMA_H x LUMA_V against 1 x 1
 * chroma, and a restart marker every RESTART_INTERVAL MCUs (0 for none): the sampling factors and
 * the DRI segment go through the writer's native metadata, which it honours.
 */
public class WriteSampledJpeg {
    public static void main(String[] args) throws Exception {
        BufferedImage image = ImageIO.read(new File(args[0]));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(Integer.parseInt(args[2]) / 100f);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        String format = "javax_imageio_jpeg_image_1.0";
        Element root = (Element) metadata.getAsTree(format);
        NodeList components = root.getElementsByTagName("componentSpec");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            component.setAttribute("HsamplingFactor", i == 0 ? args[3] : "1");
            component.setAttribute("VsamplingFactor", i == 0 ? args[4] : "1");
        }
        if (Integer.parseInt(args[5]) > 0) {
            Element markers = (Element) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode restart = new IIOMetadataNode("dri");
            restart.setAttribute("interval", args[5]);
            markers.insertBefore(restart, markers.getFirstChild());
        }
        metadata.setFromTree(format, root);
        try (OutputStream file = new FileOutputStream(args[1]); ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        }
        writer.dispose();
    }
}
