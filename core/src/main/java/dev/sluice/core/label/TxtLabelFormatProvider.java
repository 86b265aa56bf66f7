package dev.sluice.core.label;

import java.util.Set;

/**
 * The {@code txt} label format: the seed recipe's {@code image_name label1 [label2 ...]} lines, read
 * strictly (any run of whitespace separates; blank lines and {@code #} comments skipped; CRLF and a
 * UTF-8 byte-order mark accepted; every bad line reported with file:line). It takes no options.
 * Found by {@link java.util.ServiceLoader}; a new instance is cheap and stateless.
 *
 * <pre>{@code
 * # train.txt
 * n01440764/n01440764_10026.JPEG 0
 * n01443537/n01443537_10007.JPEG 1 7
 * }</pre>
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * any option given.
 */
public final class TxtLabelFormatProvider extends BuiltInLabelFormatProvider {

    /** A provider; constructing one does nothing else. */
    public TxtLabelFormatProvider() {
        super(TxtLabelFormat.ID, Set.of(), options -> new TxtLabelFormat());
    }
}
