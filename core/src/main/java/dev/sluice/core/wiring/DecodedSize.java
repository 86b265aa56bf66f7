package dev.sluice.core.wiring;

import dev.sluice.api.Image;
import dev.sluice.api.Transform;
import dev.sluice.api.target.Targeted;
import java.util.random.RandomGenerator;

/**
 * What {@link Sluice#decodeOnly} keeps of a decoded image: its size. The pixels become garbage as
 * soon as they are decoded, as a configured loader's do once written into their batch, rather than
 * living on until the batch is counted. A sample's targets are dropped with them.
 */
record DecodedSize(int width, int height, int channels) {

    /** The transform from a decoded image to its size. */
    static final Transform<Image, Object> OF_IMAGE = new Transform<>() {
        @Override
        public Object apply(Image image, RandomGenerator random) {
            return new DecodedSize(image.width(), image.height(), image.channels());
        }

        @Override
        public Targeted<Object> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
            return Targeted.of(apply(input.value(), random));
        }

        @Override
        public boolean carriesTargets() {
            return true;
        }

        @Override
        public String toString() {
            return "decoded_size";
        }
    };
}
