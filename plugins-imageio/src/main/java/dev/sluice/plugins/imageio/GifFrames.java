package dev.sluice.plugins.imageio;

import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.NodeList;

/**
 * A GIF's first frame on its logical screen, as PIL returns it: ImageIO returns the frame alone,
 * which may be smaller than the screen and placed anywhere on it.
 */
final class GifFrames {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifFrames() {
    }

    /**
     * {@code frame} placed at its offset on a {@code screenWidth x screenHeight} canvas of zeros
     * (transparent black; black once alpha is dropped), or {@code frame} itself when it covers the
     * screen exactly. Parts of the frame outside the screen are cut off.
     */
    static PixelBuffer onScreen(PixelBuffer frame, ImageReader reader, int screenWidth, int screenHeight) throws IOException {
        if (frame.width == screenWidth && frame.height == screenHeight) {
            return frame;
        }
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
        NodeList descriptors = root.getElementsByTagName("ImageDescriptor");
        int left = 0;
        int top = 0;
        if (descriptors.getLength() > 0) {
            IIOMetadataNode descriptor = (IIOMetadataNode) descriptors.item(0);
            left = Integer.parseInt(descriptor.getAttribute("imageLeftPosition"));
            top = Integer.parseInt(descriptor.getAttribute("imageTopPosition"));
        }
        int channels = frame.channels;
        byte[] in = frame.data;
        byte[] out = new byte[screenWidth * screenHeight * channels];
        int columns = Math.min(frame.width, screenWidth - left);
        for (int row = 0; row < frame.height && top + row < screenHeight && columns > 0; row++) {
            System.arraycopy(in, row * frame.width * channels, out, ((top + row) * screenWidth + left) * channels,
                    columns * channels);
        }
        return new PixelBuffer(screenWidth, screenHeight, channels, out);
    }
}
