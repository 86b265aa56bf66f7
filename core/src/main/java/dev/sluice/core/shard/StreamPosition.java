package dev.sluice.core.shard;

/**
 * Where a worker's shard stream is, as one token of printable ASCII:
 * {@code v1_w2r0n3k1_c8h1f3a09d2_s2o51200q17_e120_b3:1024:2+3:2048:3}. It names the layout the
 * stream belongs to (world size, rank, number of workers, worker), the shard list (its length and a
 * hash of the file names), the cursor (the index in the worker's share of the shard being read, the
 * byte offset and number of the next sample in it), the number of samples drawn from the shuffle
 * buffer so far, and the samples in the buffer, in its order (shard, offset, number). The buffer's
 * random draws derive from (seed, epoch, layout) and the draw count, so nothing else is needed to
 * continue the stream exactly.
 */
record StreamPosition(Layout layout, int shardCount, int fingerprint, int cursor, long offset, long ordinal,
        long emitted, int[] bufferShards, long[] bufferOffsets, long[] bufferOrdinals) {
    private static final String VERSION = "v1";

    /**
     * The place of a stream among all streams of an epoch.
     *
     * @param worldSize ranks
     * @param rank this rank
     * @param numWorkers loader workers per rank
     * @param worker this worker
     */
    record Layout(int worldSize, int rank, int numWorkers, int worker) {
        @Override
        public String toString() {
            return "rank " + rank + " of " + worldSize + ", worker " + worker + " of " + numWorkers;
        }
    }

    String encode() {
        StringBuilder text = new StringBuilder(64 + 24 * bufferShards.length);
        text.append(VERSION).append("_w").append(layout.worldSize()).append('r').append(layout.rank())
                .append('n').append(layout.numWorkers()).append('k').append(layout.worker())
                .append("_c").append(shardCount).append('h').append(Integer.toHexString(fingerprint))
                .append("_s").append(cursor).append('o').append(offset).append('q').append(ordinal)
                .append("_e").append(emitted).append("_b");
        for (int i = 0; i < bufferShards.length; i++) {
            if (i > 0) {
                text.append('+');
            }
            text.append(bufferShards[i]).append(':').append(bufferOffsets[i]).append(':').append(bufferOrdinals[i]);
        }
        return text.toString();
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException saying what is wrong when {@code text} is not a shard stream position
     */
    static StreamPosition decode(String text) {
        String[] parts = text.split("_", -1);
        if (parts.length != 6 || !parts[0].equals(VERSION)) {
            throw notAPosition(text, "expected six parts, the first '" + VERSION + "'");
        }
        try {
            long[] layout = fields(parts[1], "wrnk");
            long[] list = new long[2];
            int h = parts[2].indexOf('h');
            if (!parts[2].startsWith("c") || h < 0) {
                throw notAPosition(text, "the shard list part must be c<count>h<hash>");
            }
            list[0] = Long.parseLong(parts[2].substring(1, h));
            list[1] = Long.parseUnsignedLong(parts[2].substring(h + 1), 16);
            long[] cursor = fields(parts[3], "soq");
            long[] emitted = fields(parts[4], "e");
            if (!parts[5].startsWith("b")) {
                throw notAPosition(text, "the buffer part must start with 'b'");
            }
            String[] entries = parts[5].length() == 1 ? new String[0] : parts[5].substring(1).split("\\+", -1);
            int[] shards = new int[entries.length];
            long[] offsets = new long[entries.length];
            long[] ordinals = new long[entries.length];
            for (int i = 0; i < entries.length; i++) {
                String[] entry = entries[i].split(":", -1);
                if (entry.length != 3) {
                    throw notAPosition(text, "buffer entry '" + entries[i] + "' is not shard:offset:number");
                }
                shards[i] = Integer.parseInt(entry[0]);
                offsets[i] = Long.parseLong(entry[1]);
                ordinals[i] = Long.parseLong(entry[2]);
            }
            return new StreamPosition(new Layout(Math.toIntExact(layout[0]), Math.toIntExact(layout[1]),
                    Math.toIntExact(layout[2]), Math.toIntExact(layout[3])), Math.toIntExact(list[0]), (int) list[1],
                    Math.toIntExact(cursor[0]), cursor[1], cursor[2], emitted[0], shards, offsets, ordinals);
        } catch (NumberFormatException | ArithmeticException e) {
            throw notAPosition(text, "a number is malformed: " + e.getMessage());
        }
    }

    /** The numbers after each of {@code letters}, in order, in {@code part}. */
    private static long[] fields(String part, String letters) {
        long[] values = new long[letters.length()];
        int at = 0;
        for (int i = 0; i < letters.length(); i++) {
            if (at >= part.length() || part.charAt(at) != letters.charAt(i)) {
                throw new NumberFormatException("'" + part + "' must read " + String.join("<n>", letters.split(""))
                        + "<n>");
            }
            int end = at + 1;
            while (end < part.length() && Character.isDigit(part.charAt(end))) {
                end++;
            }
            values[i] = Long.parseLong(part.substring(at + 1, end));
            at = end;
        }
        if (at != part.length()) {
            throw new NumberFormatException("'" + part + "' has more than " + letters);
        }
        return values;
    }

    private static IllegalArgumentException notAPosition(String text, String reason) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new IllegalArgumentException("'" + shown + "' is not a shard stream position: " + reason);
    }
}
