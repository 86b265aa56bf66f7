package com.example.acme;

import dev.sluice.api.Image;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes test images as PGM/PPM files, the way other tools write them. */
final class Netpbm {
    private Netpbm() {
    }

    /**
     * {@code image} (1 or 3 channels) as a PGM or PPM file: plain (P2/P3) or binary (P5/P6), each
     * 8-bit sample {@code v} stored as {@code round(v * maxval / 255)}.
     */
    static byte[] write(Image image, boolean plain, int maxval) {
        return write(image, plain, maxval, "");
    }

    /** As {@link #write(Image, boolean, int)}, with {@code comment} as a {@code #} line after the magic number. */
    static byte[] write(Image image, boolean plain, int maxval, String comment) {
        int channels = image.channels();
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("PGM/PPM hold 1 or 3 channels, not " + channels);
        }
        char kind = plain ? (channels == 1 ? '2' : '3') : (channels == 1 ? '5' : '6');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String header = "P" + kind + "\n" + (comment.isEmpty() ? "" : "# " + comment + "\n")
                + image.width() + " " + image.height() + "\n" + maxval + "\n";
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        byte[] samples = image.toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < samples.length; i++) {
            int value = ((samples[i] & 0xFF) * maxval * 2 + 255) / 510;
            if (plain) {
                text.append(value).append((i + 1) % (image.width() * channels) == 0 ? '\n' : ' ');
            } else if (maxval > 255) {
                out.write(value >> 8);
                out.write(value & 0xFF);
            } else {
                out.write(value);
            }
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
