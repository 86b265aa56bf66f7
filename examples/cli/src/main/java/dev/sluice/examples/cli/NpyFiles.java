package dev.sluice.examples.cli;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.spi.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes NumPy {@code .npy} files (format version 1.0) that {@code numpy.load} reads: the magic
 * string, the version, a little-endian header length, a header dict padded with spaces to a
 * multiple of 64 bytes, then the elements in C order. Sluice's tensors are little-endian already,
 * so their bytes are written as they are.
 */
final class NpyFiles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** numpy aligns the data to 64 bytes; version 1.0 allows a header of up to 65535 bytes. */
    private static final int ALIGNMENT = 64;

    private NpyFiles() {
    }

    /** Writes {@code tensor} with its dtype and shape; the file is replaced whole, never written through a link. */
    static void write(Path file, Tensor tensor) throws IOException {
        write(file, tensor.dtype(), tensor.shape(), tensor.data());
    }

    /** Writes {@code image} as a uint8 ({@code |u1}) or uint16 ({@code <u2}) height x width x channels array. */
    static void write(Path file, Image image) throws IOException {
        write(file, image.dtype(), new int[] {image.height(), image.width(), image.channels()}, image.sampleBytes());
    }

    static void write(Path file, DType dtype, int[] shape, ByteBuffer data) throws IOException {
        byte[] header = header(dtype, shape);
        AtomicFiles.write(file, out -> {
            out.write(header);
            WritableByteChannel channel = Channels.newChannel(out);
            ByteBuffer remaining = data.duplicate();
            while (remaining.hasRemaining()) {
                channel.write(remaining);
            }
        });
    }

    /** The magic string, version, header length and header dict of an array of {@code shape}. */
    static byte[] header(DType dtype, int[] shape) {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        // A one-element tuple needs its trailing comma in Python.
        tuple.append(shape.length == 1 ? ",)" : ")");
        StringBuilder dict = new StringBuilder("{'descr': '").append(dtype.numpyDescriptor())
                .append("', 'fortran_order': False, 'shape': ").append(tuple).append(", }");
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        dict.append(" ".repeat(padding)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[MAGIC.length + 2 + text.length];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[MAGIC.length] = (byte) (text.length & 0xFF);
        header[MAGIC.length + 1] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, header, MAGIC.length + 2, text.length);
        return header;
    }
}
