package dev.sluice.api.spi;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The dequantised DCT coefficients of a sequential Huffman-coded 8-bit JPEG (SOF0 or SOF1), or the
 * DC coefficients alone of a progressive one (SOF2), decoded
 * in the same walk over the coded data that {@link ImageHeader#read(ByteBuffer, DecodeOptions)}
 * makes under strict options, so that a decoder of its own (a DCT-domain reduced decode, for
 * example) reads every Huffman code once and refuses damaged data with the same messages. What to
 * do with the coefficients (inverse DCT, upsampling, colour) is the caller's.
 *
 * <pre>{@code
 * ImageHeader header = ImageHeader.read(encoded, options.withStrict(false)); // size, limit, region
 * if (!JpegCoefficients.decode(encoded, blocks)) {                          // not decodable here:
 *     ...                                                                   // the walk still checked it
 * }
 * }</pre>
 *
 * Thread-safe: static methods without state; each call uses its own sink.
 */
public final class JpegCoefficients {
    private JpegCoefficients() {
    }

    /**
     * One component of the frame.
     *
     * @param id the component identifier of the frame header
     * @param horizontal its horizontal sampling factor, 1 to 4
     * @param vertical its vertical sampling factor, 1 to 4
     * @param blockColumns 8x8 blocks across the component: {@code ceil(ceil(width * horizontal / maxHorizontal) / 8)}
     * @param blockRows 8x8 blocks down the component, likewise
     */
    public record Component(int id, int horizontal, int vertical, int blockColumns, int blockRows) {
    }

    /**
     * The frame header, as the walk has checked it.
     *
     * @param width samples across, {@code > 0}
     * @param height rows, {@code > 0}
     * @param maxHorizontal the largest horizontal sampling factor of the components
     * @param maxVertical the largest vertical sampling factor
     * @param progressive a progressive frame (SOF2), whose blocks come only with {@link
     *        Blocks#coefficients} answering at most 1 for every component, after its last scan
     * @param components in frame-header order: a block's {@code component} indexes this list
     */
    public record Frame(int width, int height, int maxHorizontal, int maxVertical, boolean progressive,
            List<Component> components) {
        /** Copies the list. */
        public Frame {
            components = List.copyOf(components);
        }
    }

    /** Receives a frame's blocks from {@link #decode}; called on the decoding thread only. */
    public interface Blocks {
        /**
         * The frame, before its first block. Answer false to receive nothing: the walk then only
         * checks the coded data.
         */
        boolean begin(Frame frame);

        /**
         * What the sink needs of a component's blocks, asked once per component after {@link
         * #begin}: 0 for nothing (its blocks are checked and skipped), 1 for the DC coefficient alone
         * (the AC coefficients are checked and skipped, and passed as zeros), 64 for all.
         */
        int coefficients(int component);

        /**
         * One block of a component, at {@code (row, column)} of its block grid (inside {@link
         * Component#blockRows()} x {@link Component#blockColumns()}; the padding blocks of a partial
         * MCU are not passed). {@code coefficients} holds the 64 dequantised coefficients in natural
         * (row-major) order; the array is reused for the next block once this call returns.
         */
        void block(int component, int row, int column, int[] coefficients);
    }

    /**
     * Walks the coded data of {@code encoded} (a whole JPEG between its position and limit, whose
     * header {@link ImageHeader#read(ByteBuffer)} has accepted) and passes every block of a
     * sequential Huffman-coded 8-bit frame to {@code blocks}, in coded order; of a progressive
     * Huffman-coded 8-bit frame, when no component needs more than its DC coefficient, every block
     * after the last scan, whose every scan (AC ones included) is walked and checked as a sequential
     * scan is. Each component's quantisation table is the one defined when its first scan starts,
     * as in libjpeg.
     *
     * @return true when {@code blocks} received the frame's blocks; false, having checked the coded
     *         data as the strict walk does, when the frame is arithmetic-coded, lossless, not 8-bit,
     *         or progressive with a component whose AC coefficients are asked for, or when {@link
     *         Blocks#begin} answered false. A component that no scan covers gets no blocks.
     * @throws DecodeException with source {@code "<bytes>"}, as the strict walk of {@link
     *         ImageHeader#read(ByteBuffer, DecodeOptions)}, or naming a quantisation table that is
     *         malformed or missing
     */
    public static boolean decode(ByteBuffer encoded, Blocks blocks) throws DecodeException {
        return JpegScans.decode(encoded.slice(), blocks);
    }

    /**
     * The strict walk alone: what {@link ImageHeader#read(ByteBuffer, DecodeOptions)} adds under
     * strict options, for a decoder that read the header leniently to learn whether it will call
     * {@link #decode}.
     *
     * @throws DecodeException as the strict walk
     */
    public static void verify(ByteBuffer encoded) throws DecodeException {
        JpegScans.verify(encoded.slice());
    }
}
