package dev.sluice.plugins.transforms;

import dev.sluice.api.DType;
import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.boxes.SanitizeBoxes;
import dev.sluice.plugins.transforms.colour.ColorJitter;
import dev.sluice.plugins.transforms.colour.GaussianBlur;
import dev.sluice.plugins.transforms.colour.Grayscale;
import dev.sluice.plugins.transforms.colour.RandomGrayscale;
import dev.sluice.plugins.transforms.augment.AugMix;
import dev.sluice.plugins.transforms.augment.AutoAugment;
import dev.sluice.plugins.transforms.augment.AutoAugmentPolicy;
import dev.sluice.plugins.transforms.augment.RandAugment;
import dev.sluice.plugins.transforms.augment.TrivialAugmentWide;
import dev.sluice.plugins.transforms.containers.Compose;
import dev.sluice.plugins.transforms.containers.RandomApply;
import dev.sluice.plugins.transforms.containers.RandomChoice;
import dev.sluice.plugins.transforms.containers.RandomOrder;
import dev.sluice.plugins.transforms.drawing.ContactSheet;
import dev.sluice.plugins.transforms.drawing.DrawRectangle;
import dev.sluice.plugins.transforms.drawing.SideBySide;
import dev.sluice.plugins.transforms.geometry.Affine;
import dev.sluice.plugins.transforms.geometry.CenterCrop;
import dev.sluice.plugins.transforms.geometry.Crop;
import dev.sluice.plugins.transforms.geometry.Pad;
import dev.sluice.plugins.transforms.geometry.Perspective;
import dev.sluice.plugins.transforms.geometry.RandomAffine;
import dev.sluice.plugins.transforms.geometry.RandomCrop;
import dev.sluice.plugins.transforms.geometry.RandomHorizontalFlip;
import dev.sluice.plugins.transforms.geometry.RandomPerspective;
import dev.sluice.plugins.transforms.geometry.RandomResizedCrop;
import dev.sluice.plugins.transforms.geometry.RandomRotation;
import dev.sluice.plugins.transforms.geometry.RandomVerticalFlip;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.resize.Scale;
import dev.sluice.plugins.transforms.geometry.ScaleRect;
import dev.sluice.plugins.transforms.tensor.FiveCrop;
import dev.sluice.plugins.transforms.tensor.Normalize;
import dev.sluice.plugins.transforms.tensor.RandomErasing;
import dev.sluice.plugins.transforms.tensor.TenCrop;
import dev.sluice.plugins.transforms.tensor.ToDtype;
import dev.sluice.plugins.transforms.tensor.ToTensor;
import java.util.List;

/**
 * The standard transforms in Java, under torchvision's names: one static method per transform, each
 * returning the transform's immutable typed form with torchvision's defaults, whose other parameters
 * are set by methods of the same names ({@code randomResizedCrop(224).scale(0.5, 1.0)}). Each typed
 * form's class javadoc lists its parameters with their YAML keys and defaults.
 *
 * <pre>{@code
 * import static dev.sluice.plugins.transforms.Transforms.*;
 *
 * Transform<Image, Tensor> eval = compose(resize(256), centerCrop(224), toTensor(),
 *         normalize(IMAGENET_MEAN, IMAGENET_STD));
 * ImageLabelDataset<Tensor> train = ImageFolder.of(root, compose(randomResizedCrop(224).scale(0.08, 1.0),
 *         randomHorizontalFlip(), toTensor(), normalize(IMAGENET_MEAN, IMAGENET_STD)));
 * }</pre>
 *
 * <p>A configuration's {@code transforms} list builds the same objects: each id's provider parses
 * its options and calls the same factories, so {@code - resize: {size: 256}} and {@code resize(256)}
 * give the same pixels. The containers ({@code compose}, {@code randomApply}, {@code randomChoice},
 * {@code randomOrder}) take any {@link Transform}, including lambdas and other packs' transforms.
 *
 * <p>A third-party pack offers typed forms the same way: a public immutable class per transform
 * that implements {@link Transform} (so that {@code compose} and the loader accept it), built by
 * static factories and {@code with}-style methods that check their arguments, and a
 * {@link dev.sluice.api.spi.TransformProvider} per id whose {@code create} parses the options and
 * calls those factories, so that there is one implementation.
 */
public final class Transforms {
    /** The ImageNet means of R, G and B that torchvision's pretrained models expect. */
    public static final List<Double> IMAGENET_MEAN = Normalize.IMAGENET_MEAN;
    /** The ImageNet standard deviations of R, G and B that torchvision's pretrained models expect. */
    public static final List<Double> IMAGENET_STD = Normalize.IMAGENET_STD;

    private Transforms() {
    }

    /**
     * {@link Compose#of(Transform...)}: the steps one after the other, typed at its ends by where it
     * is used, so that {@code ImageFolder.of(root, compose(resize(256), toTensor()))} is a dataset of
     * tensors. The steps are checked against each other here (each takes what the one before gives);
     * the ends are the caller's word, as torchvision's {@code Compose} takes it: the first step's
     * {@link Transform#inputType()} and the last one's {@link Transform#outputType()} say what they are,
     * and a dataset checks the first against the decoded {@code Image} when it is built.
     *
     * @param <I> what the first step takes
     * @param <O> what the last step gives
     * @throws dev.sluice.api.OptionsException at {@code compose.transforms[i]} when a step does not
     *         take what the one before it gives
     */
    @SuppressWarnings("unchecked")
    public static <I, O> Transform<I, O> compose(Transform<?, ?>... steps) {
        return (Transform<I, O>) (Transform<?, ?>) Compose.of(steps);
    }

    /** {@link RandomApply#of(Transform...)}: the steps with probability 0.5, or none. */
    public static RandomApply randomApply(Transform<?, ?>... steps) {
        return RandomApply.of(steps);
    }

    /** {@link RandomChoice#of(Transform...)}: one of the steps. */
    public static RandomChoice randomChoice(Transform<?, ?>... steps) {
        return RandomChoice.of(steps);
    }

    /** {@link RandomOrder#of(Transform...)}: the steps in a random order. */
    public static RandomOrder randomOrder(Transform<?, ?>... steps) {
        return RandomOrder.of(steps);
    }

    /** {@link Resize#of(int)}: the shorter side resized to {@code size}. */
    public static Resize resize(int size) {
        return Resize.of(size);
    }

    /** {@link Resize#of(Size)}: resized to {@code size}. */
    public static Resize resize(Size size) {
        return Resize.of(size);
    }

    /** {@link Scale#of(double, double)}: the seed's {@code scale_image}. */
    public static Scale scale(double fx, double fy) {
        return Scale.of(fx, fy);
    }

    /** {@link ScaleRect#of(Size, Size)}: boxes moved from an image of {@code orig} to one of {@code dest}. */
    public static ScaleRect scaleRect(Size orig, Size dest) {
        return ScaleRect.of(orig, dest);
    }

    /** {@link CenterCrop#of(int)}: the central square of side {@code size}. */
    public static CenterCrop centerCrop(int size) {
        return CenterCrop.of(size);
    }

    /** {@link CenterCrop#of(Size)}: the central {@code size}. */
    public static CenterCrop centerCrop(Size size) {
        return CenterCrop.of(size);
    }

    /** {@link Crop#of(Region)}: the rectangle {@code rect}. */
    public static Crop crop(Region rect) {
        return Crop.of(rect);
    }

    /** {@link RandomCrop#of(int)}: a square of side {@code size} at a random position. */
    public static RandomCrop randomCrop(int size) {
        return RandomCrop.of(size);
    }

    /** {@link RandomResizedCrop#of(int)}: a random crop resized to a square of side {@code size}. */
    public static RandomResizedCrop randomResizedCrop(int size) {
        return RandomResizedCrop.of(size);
    }

    /** {@link RandomHorizontalFlip#of()}: mirrored left to right with probability 0.5. */
    public static RandomHorizontalFlip randomHorizontalFlip() {
        return RandomHorizontalFlip.of();
    }

    /** {@link RandomVerticalFlip#of()}: mirrored top to bottom with probability 0.5. */
    public static RandomVerticalFlip randomVerticalFlip() {
        return RandomVerticalFlip.of();
    }

    /** {@link RandomRotation#of(double)}: rotated by an angle from {@code [-degrees, degrees]}. */
    public static RandomRotation randomRotation(double degrees) {
        return RandomRotation.of(degrees);
    }

    /** {@link RandomAffine#of(double)}: rotated by an angle from {@code [-degrees, degrees]}; translate, scale and shear are set on it. */
    public static RandomAffine randomAffine(double degrees) {
        return RandomAffine.of(degrees);
    }

    /** {@link Affine#of}: torchvision's functional {@code affine} with these parameters, nearest, no fill. */
    public static Affine affine(double angle, double translateX, double translateY, double scale, double shearX,
            double shearY) {
        return Affine.of(angle, translateX, translateY, scale, shearX, shearY);
    }

    /** {@link Perspective#of}: torchvision's functional {@code perspective} from four corners to four others. */
    public static Perspective perspective(int[][] startpoints, int[][] endpoints) {
        return Perspective.of(startpoints, endpoints);
    }

    /** {@link RandomPerspective#of()}: warped with distortion 0.5 and probability 0.5. */
    public static RandomPerspective randomPerspective() {
        return RandomPerspective.of();
    }

    /** {@link RandomErasing#of()}: a rectangle of a tensor image set to 0 with probability 0.5. */
    public static RandomErasing randomErasing() {
        return RandomErasing.of();
    }

    /** {@link FiveCrop#of(int)}: the four corner and the centre squares of side {@code size}, stacked. */
    public static FiveCrop fiveCrop(int size) {
        return FiveCrop.of(size);
    }

    /** {@link TenCrop#of(int)}: the five crops of {@code fiveCrop} and those of the mirrored image, stacked. */
    public static TenCrop tenCrop(int size) {
        return TenCrop.of(size);
    }

    /** {@link Pad#of(int)}: {@code padding} pixels added on every side. */
    public static Pad pad(int padding) {
        return Pad.of(padding);
    }

    /**
     * {@link SanitizeBoxes#of()}: degenerate boxes dropped with their labels and instance masks, with
     * torchvision's {@code min_size=1, min_area=1}; {@code sanitizeBoxes().minSize(2)} for others.
     */
    public static SanitizeBoxes sanitizeBoxes() {
        return SanitizeBoxes.of();
    }

    /** {@link ColorJitter#of()}: no adjustment until one is set. */
    public static ColorJitter colorJitter() {
        return ColorJitter.of();
    }

    /** {@link GaussianBlur#of(int)}: a square kernel of side {@code kernelSize}. */
    public static GaussianBlur gaussianBlur(int kernelSize) {
        return GaussianBlur.of(kernelSize);
    }

    /** {@link Grayscale#of(int)}: grey, in {@code numOutputChannels} channels (1 or 3). */
    public static Grayscale grayscale(int numOutputChannels) {
        return Grayscale.of(numOutputChannels);
    }

    /** {@link Grayscale#of()}: grey, in one channel. */
    public static Grayscale grayscale() {
        return Grayscale.of();
    }

    /** {@link RandomGrayscale#of(double)}: grey with probability {@code p}, keeping the channel count. */
    public static RandomGrayscale randomGrayscale(double p) {
        return RandomGrayscale.of(p);
    }

    /** {@link AutoAugment#of(AutoAugmentPolicy)}: one of {@code policy}'s learned sub-policies per call. */
    public static AutoAugment autoAugment(AutoAugmentPolicy policy) {
        return AutoAugment.of(policy);
    }

    /** {@link RandAugment#of()}: two ops at bin 9 of 31 per call. */
    public static RandAugment randAugment() {
        return RandAugment.of();
    }

    /** {@link TrivialAugmentWide#of()}: one op at a random bin of 31 per call. */
    public static TrivialAugmentWide trivialAugmentWide() {
        return TrivialAugmentWide.of();
    }

    /** {@link AugMix#of()}: three chains of ops mixed with the image. */
    public static AugMix augMix() {
        return AugMix.of();
    }

    /** {@link ToTensor#of()}: an image as CHW float32 in [0, 1]. */
    public static ToTensor toTensor() {
        return ToTensor.of();
    }

    /** {@link Normalize#of(List, List)}: {@code (x - mean[c]) / std[c]}. */
    public static Normalize normalize(List<Double> mean, List<Double> std) {
        return Normalize.of(mean, std);
    }

    /** {@link Normalize#of(double[], double[])}: {@code (x - mean[c]) / std[c]}. */
    public static Normalize normalize(double[] mean, double[] std) {
        return Normalize.of(mean, std);
    }

    /** {@link ToDtype#of(DType)}: a tensor (or an image's CHW tensor) cast to {@code dtype}. */
    public static ToDtype toDtype(DType dtype) {
        return ToDtype.of(dtype);
    }

    /** {@link DrawRectangle#of(Region)}: the outline of {@code rect} drawn into the image. */
    public static DrawRectangle drawRectangle(Region rect) {
        return DrawRectangle.of(rect);
    }

    /** {@link ContactSheet#of()}: a batch drawn as one image. */
    public static ContactSheet contactSheet() {
        return ContactSheet.of();
    }

    /** {@link SideBySide#of()}: images placed left to right. */
    public static SideBySide sideBySide() {
        return SideBySide.of();
    }
}
