package dev.sluice.core.loader;

import dev.sluice.core.loader.LoaderState.Plan;
import dev.sluice.core.yaml.BoundedYaml;
import dev.sluice.core.yaml.YamlLimitException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A {@link LoaderState} as YAML text (through snakeyaml-engine, as configurations are read), with
 * a SHA-256 checksum of its other fields as the last one. Reading checks every field: its presence,
 * its type and range, that no other field is there, and then the checksum, so that a state cut
 * short, damaged or edited by hand is an error naming the field rather than a silent skip.
 *
 * <pre>
 * format: sluice-loader-state
 * version: 3
 * epoch: 3
 * samples_delivered: 170
 * also_delivered: []
 * batches_delivered: 17
 * plan: {seed: 0, shuffle: true, sampler: random, drop_last: false, dataset_size: 1000, ...}
 * streams: []
 * next_stream: 0
 * checksum: 5d41402abc4b2a76b9719d911017c592...
 * </pre>
 */
final class StateText {
    static final String FORMAT = "sluice-loader-state";
    static final int VERSION = 3;
    private static final String CHECKSUM = "checksum";
    private static final LoadSettings LOAD = LoadSettings.builder().setLabel("loader state").setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false).build();
    private static final DumpSettings DUMP = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.AUTO)
            .setWidth(Integer.MAX_VALUE).build();

    private StateText() {
    }

    static String encode(LoaderState state) {
        Map<String, Object> fields = fields(state);
        fields.put(CHECKSUM, checksum(fields));
        return new Dump(DUMP).dumpToString(fields);
    }

    /** Every field but the checksum, in the order written. */
    private static Map<String, Object> fields(LoaderState state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("format", FORMAT);
        fields.put("version", VERSION);
        fields.put("epoch", state.epoch());
        fields.put("samples_delivered", state.samplesDelivered());
        List<List<Long>> ranges = new ArrayList<>();
        long[] also = state.alsoDelivered();
        for (int i = 0; i < also.length; i += 2) {
            ranges.add(List.of(also[i], also[i + 1]));
        }
        fields.put("also_delivered", ranges);
        fields.put("batches_delivered", state.batchesDelivered());
        Plan plan = state.plan();
        Map<String, Object> planFields = new LinkedHashMap<>();
        planFields.put("seed", plan.seed());
        planFields.put("shuffle", plan.shuffle());
        planFields.put("sampler", plan.sampler());
        planFields.put("drop_last", plan.dropLast());
        planFields.put("dataset_size", plan.datasetSize());
        planFields.put("dataset_digest", plan.datasetDigest());
        planFields.put("epoch_samples", plan.epochSamples());
        planFields.put("batch_size", plan.batchSize());
        planFields.put("num_workers", plan.numWorkers());
        if (!plan.batchTransform().equals(PlanIdentity.NO_BATCH_TRANSFORM)) {
            // Written only when there is one, so that states saved before batch transforms existed still read.
            planFields.put("batch_transform", plan.batchTransform());
        }
        fields.put("plan", planFields);
        List<String> streams = new ArrayList<>();
        for (String position : state.streamPositions()) {
            streams.add(position.isEmpty() ? LoaderState.NOT_STARTED : position);
        }
        fields.put("streams", streams);
        fields.put("next_stream", state.nextStream());
        return fields;
    }

    private static String checksum(Map<String, Object> fields) {
        try {
            byte[] text = new Dump(DUMP).dumpToString(fields).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static LoaderState decode(String text) {
        if (text.startsWith(FORMAT + " ")) {
            throw problem("written by an older Sluice, without the plan it belongs to or a checksum, so it cannot "
                    + "be checked; remove it to start afresh");
        }
        Object document;
        try {
            document = BoundedYaml.load(text, LOAD);
        } catch (MarkedYamlEngineException e) {
            throw problem("not valid YAML, so not a whole loader state: " + e.getProblem()
                    + e.getProblemMark().map(mark -> " (line " + (mark.getLine() + 1) + ")").orElse(""));
        } catch (YamlEngineException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw problem("not valid YAML, so not a whole loader state: " + reason);
        } catch (YamlLimitException e) {
            throw problem("not a loader state: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format"))) {
            throw problem("not a Sluice loader state: it must be YAML starting with 'format: " + FORMAT + "'");
        }
        Fields fields = new Fields("", map);
        long version = fields.number("version", VERSION, VERSION);
        fields.text("format");
        long epoch = fields.number("epoch", 0, Long.MAX_VALUE);
        long samples = fields.number("samples_delivered", 0, Long.MAX_VALUE);
        long[] also = ranges(fields.list("also_delivered"));
        long batches = fields.number("batches_delivered", 0, Long.MAX_VALUE);
        Fields plan = new Fields("plan.", fields.map("plan"));
        List<String> streams = new ArrayList<>();
        for (Object position : fields.list("streams")) {
            if (!(position instanceof String string)) {
                throw problem("streams: each position must be text, was " + position);
            }
            streams.add(string.equals(LoaderState.NOT_STARTED) ? "" : string);
        }
        long next = fields.number("next_stream", 0, DataLoaderBuilder.MAX_NUM_WORKERS);
        String checksum = fields.text(CHECKSUM);
        fields.requireNoOthers();
        LoaderState state;
        try {
            Plan read = new Plan(plan.number("seed", Long.MIN_VALUE, Long.MAX_VALUE), plan.flag("shuffle"),
                    plan.text("sampler"), plan.flag("drop_last"), plan.number("dataset_size", -1, Long.MAX_VALUE),
                    plan.text("dataset_digest"), plan.number("epoch_samples", -1, Long.MAX_VALUE),
                    (int) plan.number("batch_size", 1, DataLoaderBuilder.MAX_BATCH_SIZE),
                    (int) plan.number("num_workers", 0, DataLoaderBuilder.MAX_NUM_WORKERS),
                    plan.optionalText("batch_transform", PlanIdentity.NO_BATCH_TRANSFORM));
            plan.requireNoOthers();
            state = new LoaderState(epoch, samples, also, batches, read, streams, (int) next);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("loader state") ? e : problem(e.getMessage());
        }
        if (version != VERSION || !checksum.equals(checksum(fields(state)))) {
            throw problem(CHECKSUM + ": does not match the other fields: the state was damaged or edited after "
                    + "Sluice wrote it");
        }
        return state;
    }

    private static long[] ranges(List<?> list) {
        long[] ranges = new long[list.size() * 2];
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Number)
                    || !(pair.get(1) instanceof Number)) {
                throw problem("also_delivered: each item must be [start, end], item " + i + " was " + list.get(i));
            }
            ranges[2 * i] = Fields.whole("also_delivered[" + i + "]", pair.get(0), 0, Long.MAX_VALUE);
            ranges[2 * i + 1] = Fields.whole("also_delivered[" + i + "]", pair.get(1), 0, Long.MAX_VALUE);
        }
        return ranges;
    }

    static IllegalArgumentException problem(String reason) {
        return new IllegalArgumentException("loader state: " + reason);
    }

    /** The fields of one map, each read once; what is left unread is an unknown field. */
    private static final class Fields {
        private final String prefix;
        private final Map<?, ?> map;
        private final Set<String> read = new TreeSet<>();

        Fields(String prefix, Map<?, ?> map) {
            this.prefix = prefix;
            this.map = map;
        }

        private Object value(String name) {
            read.add(name);
            if (!map.containsKey(name)) {
                throw problem(prefix + name + ": missing; the state is cut short or was not written by Sluice");
            }
            Object value = map.get(name);
            if (value == null) {
                throw problem(prefix + name + ": has no value");
            }
            return value;
        }

        long number(String name, long min, long max) {
            return whole(prefix + name, value(name), min, max);
        }

        static long whole(String field, Object value, long min, long max) {
            if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
                throw problem(field + ": must be a whole number, was '" + value + "'");
            }
            BigInteger number = value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
            if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
                throw problem(field + ": must be from " + min + " to " + max + ", was " + number);
            }
            return number.longValue();
        }

        boolean flag(String name) {
            Object value = value(name);
            if (!(value instanceof Boolean flag)) {
                throw problem(prefix + name + ": must be true or false, was '" + value + "'");
            }
            return flag;
        }

        String text(String name) {
            Object value = value(name);
            if (!(value instanceof String string)) {
                throw problem(prefix + name + ": must be text, was '" + value + "'");
            }
            return string;
        }

        /** The text field {@code name}, or {@code fallback} when the map does not have it. */
        String optionalText(String name, String fallback) {
            if (!map.containsKey(name)) {
                read.add(name);
                return fallback;
            }
            return text(name);
        }

        List<?> list(String name) {
            Object value = value(name);
            if (!(value instanceof List<?> list)) {
                throw problem(prefix + name + ": must be a list, was '" + value + "'");
            }
            return list;
        }

        Map<?, ?> map(String name) {
            Object value = value(name);
            if (!(value instanceof Map<?, ?> nested)) {
                throw problem(prefix + name + ": must be a map of fields, was '" + value + "'");
            }
            return nested;
        }

        void requireNoOthers() {
            for (Object key : map.keySet()) {
                if (!read.contains(String.valueOf(key))) {
                    throw problem(prefix + key + ": unknown field; known: " + String.join(", ", read));
                }
            }
        }
    }
}
