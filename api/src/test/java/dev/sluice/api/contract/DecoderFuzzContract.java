package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing of an {@link ImageDecoder} with jqwik: real JPEG and PNG files (the contract's drawn
 * photograph and four of the photograph fixtures), cut short, with bits flipped, with bytes
 * inserted or deleted. Every case must end in a {@link DecodeException} or an RGB image whose shape
 * is consistent (three channels, as many bytes as {@code width * height * 3}, within the pixel
 * limit, and the original's size when only the end was cut); never another exception or error,
 * never a hang (each decode is bounded by a guard of {@value #GUARD_SECONDS} s, far above any real
 * decode), never a crash of the JVM (which would end the test run). Inputs that once failed stay
 * here as fixed {@link Example} cases.
 *
 * <p>A plugin's test extends this class and names its provider; the plugin's test class path must
 * hold {@code net.jqwik:jqwik}, which the test-jar does not bring:
 *
 * <pre>{@code
 * class OpenCvDecoderFuzzTest extends DecoderFuzzContract {
 *     protected String providerId() { return "opencv"; }
 * }
 * }</pre>
 */
public abstract class DecoderFuzzContract {
    /** A pixel limit far below the default, so that a flipped size field cannot ask for gigabytes. */
    static final long PIXEL_LIMIT = 4096L * 4096;
    static final long GUARD_SECONDS = 60;
    // Cases per decoder and run, 10,000 in all: seconds for files this small. A one-off run at ten
    // times these (100,000 per decoder) found the case kept below; after its fix, nothing more.
    static final int TRUNCATIONS = 1000;
    static final int FLIPS = 5000;
    static final int INSERTIONS = 2000;
    static final int DELETIONS = 2000;
    static final DecodeOptions OPTIONS = DecodeOptions.DEFAULT.withMaxPixels(PIXEL_LIMIT);

    // One daemon thread for all decodes: a decode that never returns fails its case and cannot keep
    // the test JVM alive.
    private static final ExecutorService DECODES = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "decoder-fuzz");
        thread.setDaemon(true);
        return thread;
    });

    private ImageDecoder decoder;

    /** The id of the decoder provider under test, as configuration names it: {@code "opencv"}. */
    protected abstract String providerId();

    /**
     * The options the decoder under test is made with; the default is none. A provider with more
     * than one native path fuzzes each through its own subclass.
     */
    protected Options providerOptions() {
        return Options.empty();
    }

    /**
     * The formats the decoder reads, of the seeds' {@code "jpeg"} and {@code "png"}; cases are made
     * from seeds of these formats only. The default is both.
     */
    protected Set<String> formats() {
        return Set.of("jpeg", "png");
    }

    /** A seed file: its name for reports and its bytes. */
    record Seed(String name, byte[] bytes) {
        /** {@code "png"} for the PNG signature's first byte, otherwise {@code "jpeg"}. */
        String format() {
            return bytes[0] == (byte) 0x89 ? "png" : "jpeg";
        }

        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    /** The real files the cases are made from. */
    static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        seeds.add(new Seed("drawn photo, baseline JPEG q95", CodecFixtures.jpeg(3)));
        seeds.add(new Seed("drawn photo, RGB PNG", CodecFixtures.png(3)));
        for (String name : List.of("ladybird-q90-420.jpg", "flower-progressive.jpg", "ladybird-palette.png",
                "flower-rgba.png")) {
            seeds.add(new Seed(name, PhotoFixtures.resource(name)));
        }
        return seeds;
    }

    @Provide
    final Arbitrary<Seed> files() {
        return Arbitraries.of(seeds().stream().filter(seed -> formats().contains(seed.format())).toList());
    }

    /** A file cut at any point keeps its header's size or is refused. */
    @Property(tries = TRUNCATIONS)
    final void aTruncatedFileIsRefusedOrKeepsItsSize(@ForAll("files") Seed seed,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where) throws Exception {
        int cut = where % seed.bytes().length;
        check(seed + " cut to " + cut, Arrays.copyOf(seed.bytes(), cut), original(seed));
    }

    /** One to four flipped bits anywhere: refused, or an image of a consistent shape. */
    @Property(tries = FLIPS)
    final void flippedBitsAreRefusedOrDecodeToAConsistentImage(@ForAll("files") Seed seed,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1 << 23) Integer> bits) throws Exception {
        byte[] bytes = seed.bytes().clone();
        StringBuilder what = new StringBuilder(seed.toString()).append(" with bits flipped at");
        for (int bit : bits) {
            int position = (bit >>> 3) % bytes.length;
            bytes[position] ^= (byte) (1 << (bit & 7));
            what.append(' ').append(position).append('.').append(bit & 7);
        }
        check(what.toString(), bytes, null);
    }

    /** Bytes inserted anywhere: refused, or an image of a consistent shape. */
    @Property(tries = INSERTIONS)
    final void insertedBytesAreRefusedOrDecodeToAConsistentImage(@ForAll("files") Seed seed,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where, @ForAll @Size(min = 1, max = 32) byte[] inserted)
            throws Exception {
        int at = where % (seed.bytes().length + 1);
        check(seed + " with " + Arrays.toString(inserted) + " inserted at " + at, Mutations.insert(seed.bytes(), at,
                inserted), null);
    }

    /** Bytes deleted anywhere: refused, or an image of a consistent shape. */
    @Property(tries = DELETIONS)
    final void deletedBytesAreRefusedOrDecodeToAConsistentImage(@ForAll("files") Seed seed,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where, @ForAll @IntRange(min = 1, max = 256) int length)
            throws Exception {
        int at = where % seed.bytes().length;
        check(seed + " with " + length + " bytes deleted at " + at, Mutations.delete(seed.bytes(), at, length), null);
    }

    /**
     * Found by this class: a progressive JPEG cut right after an FF byte of its scan data, where the
     * shared JPEG header check read one byte past the end (an IndexOutOfBoundsException).
     */
    @Example
    final void aProgressiveJpegCutAfterAnFfOfItsScanIsRefused() throws InterruptedException {
        check("flower-progressive.jpg cut to 712", Arrays.copyOf(PhotoFixtures.resource("flower-progressive.jpg"), 712),
                null);
    }

    /** The seed's own decode, whose size a truncated copy must keep if it decodes at all. */
    private Image original(Seed seed) throws Exception {
        return decode(seed.bytes()).get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Decodes {@code bytes}: passes on a DecodeException or a consistent image (of {@code sizeOf}'s
     * width and height, when given); fails on anything else, naming {@code what}.
     */
    final void check(String what, byte[] bytes, Image sizeOf) throws InterruptedException {
        Future<Image> decoding = decode(bytes);
        Image image;
        try {
            image = decoding.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            decoding.cancel(true);
            throw new AssertionError(what + ": the decode did not end within " + GUARD_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DecodeException) {
                return;
            }
            throw new AssertionError(what + ": threw " + e.getCause() + " instead of a DecodeException", e.getCause());
        }
        assertEquals(3, image.channels(), () -> what + ": channels of " + image);
        assertTrue((long) image.width() * image.height() <= PIXEL_LIMIT, () -> what + ": " + image
                + " exceeds the pixel limit " + PIXEL_LIMIT);
        assertEquals(image.width() * image.height() * 3, image.pixels().remaining(), () -> what + ": bytes of " + image);
        if (sizeOf != null) {
            assertEquals(sizeOf.width() + "x" + sizeOf.height(), image.width() + "x" + image.height(),
                    () -> what + ": a cut file decoded to another size");
        }
    }

    private Future<Image> decode(byte[] bytes) {
        ImageDecoder under = decoder();
        return DECODES.submit(() -> under.decode(ByteBuffer.wrap(bytes), OPTIONS));
    }

    /** The decoder under test, made once per test instance by the provider {@link #providerId()} names. */
    final ImageDecoder decoder() {
        if (decoder == null) {
            for (ImageDecoderProvider provider : ServiceLoader.load(ImageDecoderProvider.class)) {
                if (provider.id().equals(providerId())) {
                    decoder = provider.create(providerOptions());
                    return decoder;
                }
            }
            throw new AssertionError("no ImageDecoderProvider with id '" + providerId() + "' on the class path");
        }
        return decoder;
    }
}
