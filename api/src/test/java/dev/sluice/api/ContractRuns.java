package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a contract test class against a deliberately broken implementation and reports which test
 * methods failed, so that the api's build shows each contract test can fail, and for what.
 */
final class ContractRuns {
    private static final String FAULTS_RUN = "sluice.contract-faults";

    private ContractRuns() {
    }

    /**
     * Keeps the broken implementations' contract classes from running on their own (from an IDE, for
     * instance), where their failures would be noise: they run only through {@link #failedTests}.
     */
    static final class OnlyThroughContractRuns implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FAULTS_RUN).isPresent()
                    ? ConditionEvaluationResult.enabled("run by ContractRuns")
                    : ConditionEvaluationResult.disabled("a deliberately broken implementation, run by a *FaultsTest");
        }
    }

    // Runs testClass and checks that exactly the test methods expected failed.
    static void assertOnlyTheseFail(Class<?> testClass, String... expected) {
        assertEquals(new TreeSet<>(Set.of(expected)), failedTests(testClass), testClass.getSimpleName());
    }

    // The names of the test methods of testClass that failed, each once, sorted.
    static Set<String> failedTests(Class<?> testClass) {
        Set<String> failed = Collections.synchronizedSet(new TreeSet<>());
        Set<String> ran = Collections.synchronizedSet(new TreeSet<>());
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.getSource().orElse(null) instanceof MethodSource method) {
                    ran.add(method.getMethodName());
                    if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                        failed.add(method.getMethodName());
                    }
                } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failed.add(test.getDisplayName() + ": " + result.getThrowable().orElse(null));
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .configurationParameter(FAULTS_RUN, "true")
                .build();
        LauncherFactory.create().execute(request, listener);
        assertTrue(ran.size() > 1, () -> "the contract did not run for " + testClass.getName());
        return new TreeSet<>(failed);
    }
}
