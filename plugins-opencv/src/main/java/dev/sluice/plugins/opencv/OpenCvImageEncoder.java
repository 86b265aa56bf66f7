package dev.sluice.plugins.opencv;

import dev.sluice.api.DType;
import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageEncoder;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Encodes with OpenCV's {@code imencode}: PNG of grey, RGB and RGBA images, JPEG of grey and RGB
 * images. What OpenCV would change silently is refused instead: it cannot write a grey + alpha PNG
 * (it would expand it to four channels) and a JPEG has no alpha (it would drop it).
 */
final class OpenCvImageEncoder implements ImageEncoder {

    @Override
    public byte[] encode(Image image, EncodeOptions options) throws EncodeException {
        boolean jpeg = options.format().equals("jpeg");
        if (!jpeg && !options.format().equals("png")) {
            throw new EncodeException(image + ": format '" + options.format()
                    + "' is not supported by the opencv encoder; it writes png and jpeg", null);
        }
        if (image.dtype() != DType.UINT8) {
            throw new EncodeException(image + ": the opencv encoder writes 8-bit images and does not narrow "
                    + image.dtype() + " samples", null);
        }
        int channels = image.channels();
        if (channels == 2 || (jpeg && channels == 4)) {
            throw new EncodeException(image + ": the opencv encoder cannot write a " + (channels == 2 ? "grey + alpha" : "RGBA")
                    + " image as " + options.format() + " without changing it; "
                    + (jpeg ? "JPEG has no alpha channel, write png" : "the imageio encoder writes grey + alpha PNG"), null);
        }
        try (MatScope scope = new MatScope()) {
            Mat pixels = scope.track(new Mat(image.height(), image.width(), CvType.makeType(CvType.CV_8U, channels)));
            pixels.put(0, 0, image.toArray());
            Mat bgr = pixels;
            if (channels >= 3) {
                bgr = scope.newMat();
                ColorConversions.convert(pixels, bgr, channels == 3 ? Imgproc.COLOR_RGB2BGR : Imgproc.COLOR_RGBA2BGRA, channels);
            }
            MatOfInt parameters = scope.track(jpeg ? new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, options.quality()) : new MatOfInt());
            MatOfByte encoded = scope.track(new MatOfByte());
            if (!Imgcodecs.imencode(jpeg ? ".jpg" : ".png", bgr, encoded, parameters)) {
                throw new EncodeException(image + ": OpenCV's " + options.format() + " encoder reported failure", null);
            }
            return encoded.toArray();
        } catch (CvException e) {
            throw new EncodeException(image + ": OpenCV's " + options.format() + " encoder failed: " + e.getMessage(), e);
        }
    }
}
