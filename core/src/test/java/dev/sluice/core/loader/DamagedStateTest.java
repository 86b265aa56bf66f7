package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A loader state that was damaged, cut short or edited is refused with a message naming the field
 * (issue 15, item 5), never applied: before, {@code delivered=99999999} skipped a whole epoch, a state
 * cut at 75% lost samples, and duplicate and unknown keys passed.
 */
class DamagedStateTest {
    private static final LoaderState.Plan PLAN = new LoaderState.Plan(42, true, "RandomSampler", false, 1000,
            "9f86d081884c7d65", 1000, 10, 2);
    private static final LoaderState STATE = new LoaderState(3, 170, new long[] {190, 200}, 18, PLAN);
    private static final LoaderState STREAM = new LoaderState(3, 170, new long[0], 17,
            new LoaderState.Plan(42, true, "stream", false, -1, "", -1, 10, 2),
            List.of("v1_w2-0-2-0_c40h1b_s3o7168n3_b2_5o1024n1_9o2048n2_d11", "v1_w2-0-2-1_c40h1b_s5o0n0_b0_d4"), 1);

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> LoaderState.decode(text)).getMessage();
    }

    @Test
    void aDuplicatedFieldIsRefused() {
        String text = STATE.encode().replace("epoch: 3\n", "epoch: 3\nepoch: 0\n");
        assertTrue(refusal(text).startsWith("loader state: not valid YAML, so not a whole loader state: found "
                + "duplicate key epoch"), refusal(text));
    }

    @Test
    void anUnknownFieldIsRefused() {
        String text = STATE.encode().replace("epoch: 3\n", "epoch: 3\nskip_epoch: true\n");
        assertEquals("loader state: skip_epoch: unknown field; known: also_delivered, batches_delivered, checksum, "
                + "epoch, format, next_stream, plan, samples_delivered, streams, version", refusal(text));
    }

    @Test
    void binaryGarbageIsRefused() {
        byte[] garbage = new byte[512];
        new Random(7).nextBytes(garbage);
        assertTrue(refusal(new String(garbage, StandardCharsets.ISO_8859_1)).startsWith("loader state: "));
    }

    @Test
    void aStateCutAtThreeQuartersIsRefused() {
        for (LoaderState state : List.of(STATE, STREAM)) {
            String text = state.encode();
            String cut = text.substring(0, text.length() * 3 / 4);
            assertTrue(refusal(cut).startsWith("loader state: "), refusal(cut));
            assertTrue(refusal(cut).contains(": missing; the state is cut short or was not written by Sluice")
                    || refusal(cut).contains("not valid YAML"), refusal(cut));
        }
    }

    @Test
    void deliveredBeyondTheEpochIsRefusedNamingTheField() {
        String text = STATE.encode().replace("samples_delivered: 170", "samples_delivered: 99999999");
        assertEquals("loader state: samples_delivered: 99999999 is beyond the epoch's 1000 samples "
                + "(plan.epoch_samples)", refusal(text.replace("also_delivered:\n- [190, 200]\n",
                "also_delivered: []\n")));
        assertEquals("loader state: also_delivered: range [190, 200) must start after 99999999 and be non-empty",
                refusal(text));
    }

    @Test
    void aFieldEditedWithinItsRangeFailsTheChecksum() {
        String text = STATE.encode().replace("samples_delivered: 170", "samples_delivered: 180");
        assertEquals("loader state: checksum: does not match the other fields: the state was damaged or edited after "
                + "Sluice wrote it", refusal(text));
    }

    @Test
    void theOldOneLineStateIsRefusedSayingWhy() {
        assertEquals("loader state: written by an older Sluice, without the plan it belongs to or a checksum, so it "
                + "cannot be checked; remove it to start afresh",
                refusal("sluice-loader-state seed=0 epoch=3 delivered=99999999 also= dataset_size=1000\n"));
    }

    @Test
    void aWrongTypeIsRefusedNamingTheField() {
        String text = STATE.encode().replace("shuffle: true", "shuffle: 1");
        assertEquals("loader state: plan.shuffle: must be true or false, was '1'", refusal(text));
    }

    /** Fuzzing: a damaged state reads back as the state it was, or is refused with a "loader state:" message. */
    @Property(tries = 2000)
    void aDamagedStateIsReadRightOrRefused(@ForAll("damaged") String text) {
        try {
            LoaderState read = LoaderState.decode(text);
            assertTrue(read.equals(STATE) || read.equals(STREAM), "a damaged state was accepted as " + read);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("loader state: "), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> damaged() {
        Arbitrary<String> original = Arbitraries.of(STATE.encode(), STREAM.encode());
        return original.flatMap(text -> Arbitraries.oneOf(
                Arbitraries.integers().between(0, text.length()).map(cut -> text.substring(0, cut)),
                Arbitraries.integers().between(0, text.length() - 1).flatMap(at -> Arbitraries.chars()
                        .map(c -> text.substring(0, at) + c + text.substring(at + 1))),
                Arbitraries.integers().between(0, text.length()).flatMap(at -> Arbitraries.strings()
                        .withChars("\n :-[]{}&*!0123456789abcxyz\"'").ofMaxLength(12)
                        .map(insert -> text.substring(0, at) + insert + text.substring(at))),
                Arbitraries.of(text.lines().toList()).map(line -> text.replace(line + "\n", ""))));
    }
}
