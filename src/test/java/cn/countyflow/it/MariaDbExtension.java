package cn.countyflow.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks the server before Spring starts and drops the test database after Spring has closed the context.
 * Declare it with {@code @ExtendWith} <em>above</em> {@code @SpringBootTest}: extensions registered first run their
 * {@code afterAll} last, i.e. after the SpringExtension has closed the (dirtied) context and its connection pool.
 */
class MariaDbExtension implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        MariaDb.assumeReachable();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MariaDb.dropCreatedDatabases();
    }
}
