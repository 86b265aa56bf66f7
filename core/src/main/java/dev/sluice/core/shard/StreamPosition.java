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
 *
 * <p>A stream given its share by {@link ShardDataset#redistribute} rather than by
 * {@link ShardAssignment} carries it in a seventh part, {@code _p3:0:0+5:2048:3}: the shards it reads, in
 * order, each from the byte offset and sample number where its remainder starts.
 */
record StreamPosition(Layout layout, int shardCount, int fingerprint, int cursor, long offset, long ordinal,
        long emitted, Samples buffer, Samples share) {
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

    /**
     * Places in shards, each a shard index, the byte offset of a sample's first member and the
     * sample's number in its shard.
     */
    record Samples(int[] shards, long[] offsets, long[] ordinals) {
        static final Samples NONE = new Samples(new int[0], new long[0], new long[0]);

        int size() {
            return shards.length;
        }

        void appendTo(StringBuilder text) {
            for (int i = 0; i < shards.length; i++) {
                if (i > 0) {
                    text.append('+');
                }
                text.append(shards[i]).append(':').append(offsets[i]).append(':').append(ordinals[i]);
            }
        }

        static Samples decode(String text, String part) {
            String[] entries = part.isEmpty() ? new String[0] : part.split("\\+", -1);
            int[] shards = new int[entries.length];
            long[] offsets = new long[entries.length];
            long[] ordinals = new long[entries.length];
            for (int i = 0; i < entries.length; i++) {
                String[] entry = entries[i].split(":", -1);
                if (entry.length != 3) {
                    throw notAPosition(text, "entry '" + entries[i] + "' is not shard:offset:number");
                }
                shards[i] = Integer.parseInt(entry[0]);
                offsets[i] = Long.parseLong(entry[1]);
                ordinals[i] = Long.parseLong(entry[2]);
                if (offsets[i] < 0 || ordinals[i] < 0) {
                    throw notAPosition(text, "entry '" + entries[i] + "' is negative");
                }
            }
            return new Samples(shards, offsets, ordinals);
        }
    }

    String encode() {
        StringBuilder text = new StringBuilder(64 + 24 * (buffer.size() + (share == null ? 0 : share.size())));
        text.append(VERSION).append("_w").append(layout.worldSize()).append('r').append(layout.rank())
                .append('n').append(layout.numWorkers()).append('k').append(layout.worker())
                .append("_c").append(shardCount).append('h').append(Integer.toHexString(fingerprint))
                .append("_s").append(cursor).append('o').append(offset).append('q').append(ordinal)
                .append("_e").append(emitted).append("_b");
        buffer.appendTo(text);
        if (share != null) {
            text.append("_p");
            share.appendTo(text);
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
        if (parts.length < 6 || parts.length > 7 || !parts[0].equals(VERSION)) {
            throw notAPosition(text, "expected six or seven parts, the first '" + VERSION + "'");
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
            if (parts.length == 7 && !parts[6].startsWith("p")) {
                throw notAPosition(text, "the share part must start with 'p'");
            }
            Samples buffer = Samples.decode(text, parts[5].substring(1));
            Samples share = parts.length == 7 ? Samples.decode(text, parts[6].substring(1)) : null;
            return new StreamPosition(new Layout(Math.toIntExact(layout[0]), Math.toIntExact(layout[1]),
                    Math.toIntExact(layout[2]), Math.toIntExact(layout[3])), Math.toIntExact(list[0]), (int) list[1],
                    Math.toIntExact(cursor[0]), cursor[1], cursor[2], emitted[0], buffer, share);
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
