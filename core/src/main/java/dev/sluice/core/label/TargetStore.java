package dev.sluice.core.label;

import dev.sluice.api.target.EntryTargets;
import java.util.Optional;

/**
 * The targets of a label index's entries, encoded by {@link TargetCodec} one after another in one
 * chunked byte store, with each entry's end offset. Takes no space until the first entry with
 * targets arrives; entries without targets take one offset each after that.
 */
final class TargetStore {
    private ByteStore bytes;
    private PackedLongs ends;

    /**
     * Records the targets of entry {@code entry}, the next one.
     *
     * @param targets the entry's targets, or null for none
     */
    void add(int entry, EntryTargets targets) {
        if (targets == null && ends == null) {
            return;
        }
        if (ends == null) {
            bytes = new ByteStore();
            ends = new PackedLongs();
            for (int i = 0; i < entry; i++) {
                ends.add(0);
            }
        }
        if (targets != null) {
            bytes.append(TargetCodec.encode(targets));
        }
        ends.add(bytes.size());
    }

    /** Whether any entry has targets. */
    boolean any() {
        return ends != null;
    }

    /** The targets of entry {@code entry}, empty when it has none. */
    Optional<EntryTargets> get(int entry) {
        byte[] encoded = encoded(entry);
        return encoded.length == 0 ? Optional.empty() : Optional.of(TargetCodec.decode(encoded));
    }

    /** The stored bytes of entry {@code entry}'s targets, empty when it has none; for digests. */
    byte[] encoded(int entry) {
        if (ends == null) {
            return new byte[0];
        }
        long start = entry == 0 ? 0 : ends.get(entry - 1);
        byte[] out = new byte[(int) (ends.get(entry) - start)];
        bytes.copyTo(start, out);
        return out;
    }

    void trim() {
        if (ends != null) {
            bytes.trim();
            ends.trim();
        }
    }
}
