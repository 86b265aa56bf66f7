package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.core.testing.RandomCropToFloats;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link WarmUp}: a real thread running a decoder and a slot transform on the warm-up photograph. */
class WarmUpTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Decodes by the header alone: an image of the photograph's size, counted. */
    private static final class SizedDecoder implements ImageDecoder {
        final AtomicInteger decoded = new AtomicInteger();

        @Override
        public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
            ImageHeader header = ImageHeader.read(encoded, options);
            decoded.incrementAndGet();
            return Image.wrap(header.width(), header.height(), 3, new byte[header.width() * header.height() * 3]);
        }
    }

    @SuppressWarnings("unchecked")
    private static Transform<Image, Object> pipeline(RandomCropToFloats crop) {
        return (Transform<Image, Object>) (Transform<?, ?>) crop;
    }

    private static boolean warmUpThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(WarmUp.THREAD_NAME) && thread.isAlive());
    }

    private static void awaitAtLeast(AtomicInteger count, int least) {
        while (count.get() < least) {
            Thread.onSpinWait();
        }
    }

    @Test
    void itRunsTheTransformsAndThenTheHandedDecoderUntilClosedAndLeavesNoThread() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RandomCropToFloats crop = new RandomCropToFloats();
            SizedDecoder decoder = new SizedDecoder();
            WarmUp warmUp = WarmUp.start(pipeline(crop), DecodeOptions.DEFAULT, false);
            awaitAtLeast(crop.prepared, 2);
            // Asked once it has run: a thread just started may not be in Thread.getAllStackTraces() yet
            // (seen once in a full build at load 15).
            assertTrue(warmUpThreadAlive());
            warmUp.decodeWith(decoder);
            awaitAtLeast(decoder.decoded, 2);
            warmUp.close();
            assertFalse(warmUpThreadAlive());
            int decoded = decoder.decoded.get();
            int prepared = crop.prepared.get();
            // The image in hand when it was closed may have been prepared and not finished.
            assertTrue(warmUp.images() >= 3 && prepared - 1 <= warmUp.images() && warmUp.images() <= prepared,
                    warmUp.images() + " / " + prepared);
            // Its slot is one sample's own buffer, not a batch.
            assertEquals(3 * 2 * 3 * 4, crop.largestDestination.get());
            Thread.sleep(50);
            assertEquals(decoded, decoder.decoded.get(), "nothing runs after close");
        });
    }

    @Test
    void aDecoderThatRefusesThePhotographEndsTheWarmUpWithoutReachingTheCaller() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RandomCropToFloats crop = new RandomCropToFloats();
            WarmUp warmUp = WarmUp.start(pipeline(crop), DecodeOptions.DEFAULT, false);
            warmUp.decodeWith((encoded, options) -> {
                throw new DecodeException("<bytes>", "not this kind of image");
            });
            while (warmUpThreadAlive()) {
                Thread.onSpinWait();
            }
            warmUp.close();
            assertTrue(warmUp.images() < WarmUp.MAX_IMAGES, "ended by the refusal, not by its bound");
        });
    }

    @Test
    void optionsThatRefuseThePhotographEndTheWarmUpBeforeTheTransforms() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RandomCropToFloats crop = new RandomCropToFloats();
            // 500x375 is more than 1000 pixels: the header check every decoder runs first refuses it.
            WarmUp warmUp = WarmUp.start(pipeline(crop), DecodeOptions.DEFAULT.withMaxPixels(1000), false);
            while (warmUpThreadAlive()) {
                Thread.onSpinWait();
            }
            warmUp.close();
            assertEquals(0, warmUp.images());
            assertEquals(0, crop.prepared.get());
        });
    }

    /** As {@link SizedDecoder}, also counting the decodes that were lent buffers, slowly. */
    private static final class LendingDecoder implements ImageDecoder {
        final SizedDecoder sized = new SizedDecoder();
        final AtomicInteger lent = new AtomicInteger();

        @Override
        public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
            return sized.decode(encoded, options);
        }

        @Override
        public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
            if (buffers != null) {
                lent.incrementAndGet();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sized.decode(encoded, options);
        }
    }

    @Test
    void itDecodesIntoBuffersOfItsOwnWhenTheTransformsLetGoOfTheirInputAsTheWorkersDo() {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (boolean releasing : new boolean[] {true, false}) {
                RandomCropToFloats crop = releasing ? RandomCropToFloats.releasing() : new RandomCropToFloats();
                LendingDecoder decoder = new LendingDecoder();
                WarmUp warmUp = WarmUp.start(pipeline(crop), DecodeOptions.DEFAULT, false);
                warmUp.decodeWith(decoder);
                awaitAtLeast(decoder.sized.decoded, 2);
                warmUp.close();
                assertEquals(releasing ? decoder.sized.decoded.get() : 0, decoder.lent.get(), "releasing " + releasing);
            }
        });
    }

    @Test
    void awaitingTheMinimumWaitsForTheFirstImagesThroughTheHandedDecoder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RandomCropToFloats crop = RandomCropToFloats.releasing();
            LendingDecoder decoder = new LendingDecoder();
            // Bounded by a minute rather than a second, so that the count does not depend on this machine's speed.
            WarmUp warmUp = WarmUp.start(pipeline(crop), DecodeOptions.DEFAULT, false, TimeUnit.MINUTES.toNanos(1));
            warmUp.decodeWith(decoder);
            warmUp.awaitMinimum();
            warmUp.close();
            assertFalse(warmUpThreadAlive());
            // Each decode takes 100 ms: closed at once, it would have stopped before the first was finished.
            assertEquals(WarmUp.MIN_DECODED, warmUp.decodedImages());
            assertTrue(WarmUp.MIN_DECODED > 1 && decoder.sized.decoded.get() >= WarmUp.MIN_DECODED);
        });
    }

    @Test
    void closingWithoutAwaitingTheMinimumStopsAfterTheStepInHand() {
        // A construction that fails closes the warm-up without waiting for images, so its error comes at once.
        assertTimeoutPreemptively(LIMIT, () -> {
            LendingDecoder decoder = new LendingDecoder();
            WarmUp warmUp = WarmUp.start(pipeline(RandomCropToFloats.releasing()), DecodeOptions.DEFAULT, false,
                    TimeUnit.MINUTES.toNanos(1));
            warmUp.decodeWith(decoder);
            warmUp.close();
            assertFalse(warmUpThreadAlive());
            assertEquals(0, warmUp.decodedImages());
        });
    }

    @Test
    void offStartsNothing() {
        WarmUp none = WarmUp.none();
        assertFalse(warmUpThreadAlive());
        none.decodeWith(new SizedDecoder());
        none.close();
        assertSame(WarmUp.none(), none);
        assertEquals(0, none.images());
    }
}
