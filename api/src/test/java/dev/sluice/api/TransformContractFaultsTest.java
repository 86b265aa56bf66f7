package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.api.target.Targeted;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@link TransformContract} (and through it {@code ProviderContract}) against transforms and
 * providers with one fault each, and checks that the contract tests about that behaviour fail.
 */
class TransformContractFaultsTest {

    @Test
    void aBadIdAndIgnoredOptionsFailTheProviderTests() {
        ContractRuns.assertOnlyTheseFail(MisbehavingProvider.class,
                "idIsLowerCaseLettersDigitsAndHyphens",
                "createRefusesAnUnknownOptionNamingItsKeyPath");
    }

    @Test
    void anUnregisteredIdFailsTheDiscoveryTests() {
        Set<String> failed = ContractRuns.failedTests(UnregisteredId.class);
        assertTrue(failed.containsAll(Set.of("providerIsFoundByServiceLoaderUnderItsIdExactlyOnce",
                "constructingAndAskingAvailabilityDoesNotThrow", "createWorksWithTheMinimalOptions")),
                failed::toString);
    }

    @Test
    void declaringARandomTransformDeterministicFailsTheDeterminismTest() {
        ContractRuns.assertOnlyTheseFail(RandomDeclaredDeterministic.class,
                "deterministicTransformIgnoresTheRandom");
    }

    @Test
    void declaringADeterministicTransformRandomFailsTheRandomnessTest() {
        ContractRuns.assertOnlyTheseFail(DeterministicDeclaredRandom.class,
                "randomTransformDependsOnTheRandom");
    }

    @Test
    void randomnessFromOutsideTheArgumentFailsTheSameSeedTest() {
        Set<String> failed = ContractRuns.failedTests(AlternatesOnEveryCall.class);
        // The four threads share the fault's call counter, so whether their results differ is up to timing.
        failed.remove("givesTheSameOutputsOnFourThreadsAtOnce");
        assertEquals(Set.of("sameSeedGivesTheSameOutput", "withoutTargetsApplyWithTargetsIsApply"), failed);
    }

    @Test
    void modifyingTheInputFailsTheInputTest() {
        Set<String> failed = ContractRuns.failedTests(ModifiesItsInput.class);
        assertTrue(failed.contains("doesNotModifyItsInput"), failed::toString);
    }

    @Test
    void returningNullFailsEveryTestThatApplies() {
        ContractRuns.assertOnlyTheseFail(ReturnsNull.class,
                "neverReturnsNull",
                "doesNotModifyItsInput",
                "sameSeedGivesTheSameOutput",
                "deterministicTransformIgnoresTheRandom",
                "givesTheSameOutputsOnFourThreadsAtOnce",
                "withoutTargetsApplyWithTargetsIsApply");
    }

    @Test
    void drawingOtherwiseWithTargetsFailsTheTargetsTest() {
        ContractRuns.assertOnlyTheseFail(DrawsOtherwiseWithTargets.class, "carriedTargetsFollowTheOutput");
    }

    @Test
    void aPendingThatSharesScratchMemoryFailsThePrepareTest() {
        ContractRuns.assertOnlyTheseFail(PendingSharesScratch.class,
                "preparingMoreSamplesDoesNotChangeOnesPreparedEarlier");
    }

    /** A transform contract on small images; it and its subclasses run only through {@link ContractRuns}. */
    @ExtendWith(ContractRuns.OnlyThroughContractRuns.class)
    abstract static class ImageTransformFault extends ConfiguredTransformContract<Image, Image> {
        ImageTransformFault(String providerId, boolean deterministic) {
            super(providerId, Options.empty(), () -> List.of(TestImages.photo(9, 5, 3), TestImages.photo(4, 6, 1)),
                    deterministic);
        }
    }

    static final class MisbehavingProvider extends ImageTransformFault {
        MisbehavingProvider() {
            super("Test_Misbehaving", DETERMINISTIC);
        }
    }

    static final class UnregisteredId extends ImageTransformFault {
        UnregisteredId() {
            super("test-not-registered", DETERMINISTIC);
        }
    }

    static final class RandomDeclaredDeterministic extends ImageTransformFault {
        RandomDeclaredDeterministic() {
            super("test-random-flip", DETERMINISTIC);
        }
    }

    static final class DeterministicDeclaredRandom extends ImageTransformFault {
        DeterministicDeclaredRandom() {
            super("test-invert", RANDOM);
        }
    }

    static final class AlternatesOnEveryCall extends ImageTransformFault {
        private static final AtomicInteger CALLS = new AtomicInteger();

        AlternatesOnEveryCall() {
            super("test-invert", RANDOM);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Transform<Image, Image> createTransform(TransformProvider provider) {
            Transform<Image, Image> invert = (Transform<Image, Image>) provider.create(providerOptions());
            return (image, random) -> CALLS.getAndIncrement() % 2 == 0 ? invert.apply(image, random) : image;
        }
    }

    /** A random flip that says it carries targets but draws once more when it has some. */
    static final class DrawsOtherwiseWithTargets extends ImageTransformFault {
        DrawsOtherwiseWithTargets() {
            super("test-random-flip", RANDOM);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Transform<Image, Image> createTransform(TransformProvider provider) {
            Transform<Image, Image> flip = (Transform<Image, Image>) provider.create(providerOptions());
            return new Transform<>() {
                @Override
                public Image apply(Image image, RandomGenerator random) {
                    return flip.apply(image, random);
                }

                @Override
                public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
                    if (input.hasTargets()) {
                        random.nextLong();
                    }
                    return Targeted.of(apply(input.value(), random), input.targets());
                }

                @Override
                public boolean carriesTargets() {
                    return true;
                }
            };
        }
    }

    static final class ReturnsNull extends ImageTransformFault {
        ReturnsNull() {
            super("test-invert", DETERMINISTIC);
        }

        @Override
        protected Transform<Image, Image> createTransform(TransformProvider provider) {
            return (image, random) -> image.channels() == 1 ? null : image;
        }
    }

    /** Adds one to the first element of its input array, in place. */
    @ExtendWith(ContractRuns.OnlyThroughContractRuns.class)
    static final class ModifiesItsInput extends ConfiguredTransformContract<float[], float[]> {
        ModifiesItsInput() {
            super("test-invert", Options.empty(), () -> List.of(new float[] {0.5f, 0.25f}, new float[] {1, 2, 3}),
                    DETERMINISTIC);
        }

        @Override
        protected Transform<float[], float[]> createTransform(TransformProvider provider) {
            return (values, random) -> {
                values[0] += 1;
                return values.clone();
            };
        }
    }

    /**
     * Writes an image's bytes as a uint8 tensor, but its {@code prepare} copies them into one array
     * per thread that the next {@code prepare} overwrites: right when written at once, wrong after.
     */
    @ExtendWith(ContractRuns.OnlyThroughContractRuns.class)
    static final class PendingSharesScratch extends ConfiguredTransformContract<Image, Tensor> {
        private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[9 * 5 * 3]);

        PendingSharesScratch() {
            super("test-invert", Options.empty(),
                    () -> List.of(TestImages.photo(9, 5, 3), Image.wrap(9, 5, 3, new byte[9 * 5 * 3])), DETERMINISTIC);
        }

        @Override
        protected Transform<Image, Tensor> createTransform(TransformProvider provider) {
            return (SlotTransform<Image>) (image, random) -> {
                byte[] scratch = SCRATCH.get();
                image.copyTo(scratch, 0);
                int[] shape = {image.height(), image.width(), image.channels()};
                return new SlotTransform.Pending() {
                    @Override
                    public DType dtype() {
                        return DType.UINT8;
                    }

                    @Override
                    public int[] shape() {
                        return shape.clone();
                    }

                    @Override
                    public void writeTo(ByteBuffer destination, int byteOffset) {
                        SlotTransform.slot(destination, byteOffset, scratch.length).put(scratch);
                    }
                };
            };
        }
    }
}
