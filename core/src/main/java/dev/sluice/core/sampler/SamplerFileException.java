package dev.sluice.core.sampler;

import java.io.IOException;

/**
 * A sampler's input file (weights, indices) that cannot be used: the message names the file and
 * line, what was there and what was expected, such as
 * {@code weights.txt:7: weight -0.5: invalid multinomial distribution (encountering probability entry < 0)}.
 */
public final class SamplerFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, starting with the file and, where it is one line's, the line */
    public SamplerFileException(String message) {
        super(message);
    }
}
