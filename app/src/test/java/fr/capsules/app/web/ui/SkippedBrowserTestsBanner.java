package fr.capsules.app.web.ui;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says loudly, at the end of the test run, that the browser tests did not run and how to make
 * them run: a skipped test only shows as a count in Maven's summary, which nobody reads.
 * Registered through {@code META-INF/services}.
 */
public final class SkippedBrowserTestsBanner implements TestExecutionListener {

    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()
                && result.getStatus() == TestExecutionResult.Status.ABORTED
                && result.getThrowable().map(Throwable::getMessage).orElse("").contains(Browser.MISSING)) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.get() == 0) {
            return;
        }
        String line = "=".repeat(78);
        System.err.printf("%n%s%n  BROWSER TESTS SKIPPED: %d test(s) of the web interface did NOT run.%n"
                        + "  %s%n  Install them, then run the tests again:%n"
                        + "      sudo apt-get install chromium chromium-driver%n%s%n%n",
                line, skipped.get(), Browser.MISSING, line);
    }
}
