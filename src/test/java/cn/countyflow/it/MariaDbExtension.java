package cn.countyflow.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks the server before Spring starts and drops the test database after Spring has closed the context.
 * Declare it with {@code @ExtendWith} <em>above</em> {@code @SpringBootTest}: extensions registered first run their
 * {@code afterAll} last, i.e. after the SpringExtension has closed the (dirtied) context and its connection pool.
 */
class MariaDbExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    /**
     * Without a server the class is reported as skipped, with the reason (a plain assumption in beforeAll would
     * abort it silently in Maven's summary). On CI the class stays enabled, and beforeAll fails it.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || MariaDb.required()) {
            return ConditionEvaluationResult.enabled("checked in beforeAll");
        }
        String problem = MariaDb.unreachable();
        if (problem == null) return ConditionEvaluationResult.enabled("MariaDB answers");
        System.err.println("WARNING " + MariaDb.skipMessage(problem));
        return ConditionEvaluationResult.disabled(MariaDb.skipMessage(problem));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        MariaDb.assumeReachable();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MariaDb.dropCreatedDatabases();
    }
}
