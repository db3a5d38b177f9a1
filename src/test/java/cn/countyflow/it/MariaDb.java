package cn.countyflow.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The MariaDB/MySQL server the integration tests run against, and a throw-away database on it.
 * <p>
 * Server: {@code COUNTYFLOW_IT_JDBC_URL} (default {@code jdbc:mysql://127.0.0.1:3306/}), user
 * {@code COUNTYFLOW_IT_DB_USER} (default root), password {@code COUNTYFLOW_IT_DB_PASSWORD} (default empty).
 * When the server cannot be reached the tests are skipped, unless {@code CI} or {@code COUNTYFLOW_REQUIRE_DB} is set:
 * then they fail, so that CI never turns green without having run them.
 */
final class MariaDb {
    static final String SERVER_URL = env("COUNTYFLOW_IT_JDBC_URL", "jdbc:mysql://127.0.0.1:3306/");
    static final String USER = env("COUNTYFLOW_IT_DB_USER", "root");
    static final String PASSWORD = env("COUNTYFLOW_IT_DB_PASSWORD", "");
    /** The same connection options as the mysql profile's default URL. */
    static final String OPTIONS = "sendFractionalSeconds=false&characterEncoding=UTF-8"
            + "&connectionCollation=utf8mb4_unicode_ci&useSSL=false&allowPublicKeyRetrieval=true"
            + "&nullCatalogMeansCurrent=true";

    /** Databases created by this JVM and not yet dropped. */
    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private MariaDb() {
    }

    /** Skips (or, on CI, fails) the calling test class when the server does not answer. */
    static void assumeReachable() {
        String problem = unreachable();
        if (problem == null) return;
        if (required()) {
            Assertions.fail(problem + " — required because CI or COUNTYFLOW_REQUIRE_DB is set");
        }
        Assumptions.abort(skipMessage(problem));
    }

    /** Why the server cannot be used, or null when it answers. */
    static String unreachable() {
        try (Connection c = connect()) {
            c.createStatement().execute("SELECT 1");
            return null;
        } catch (SQLException e) {
            String cause = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return "MariaDB/MySQL not reachable at " + SERVER_URL + " as " + USER + " (" + cause + "); start it"
                    + " (start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd)"
                    + " or point COUNTYFLOW_IT_JDBC_URL at one";
        }
    }

    static String skipMessage(String problem) {
        return "Skipping MariaDB integration tests: " + problem;
    }

    static boolean required() {
        return notBlank(System.getenv("CI")) || notBlank(System.getenv("COUNTYFLOW_REQUIRE_DB"));
    }

    /**
     * Creates a fresh database and makes it the application's data source, as root, with the demo data; answers its
     * name. The tests' own further properties (an engine name, a file store …) follow in their own registry calls.
     */
    static String registerFresh(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String name = createDatabase();
        registry.add("spring.datasource.url", () -> urlOf(name));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("countyflow.demo-data", () -> "true");
        return name;
    }

    /** Creates a fresh utf8mb4 database and returns its name. */
    static String createDatabase() {
        String name = "countyflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect()) {
            c.createStatement().execute("CREATE DATABASE " + name
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + SERVER_URL, e);
        }
        CREATED.add(name);
        return name;
    }

    /**
     * Another CountyFlow database on the same server, as a second installation (or a test run) leaves it: a fresh
     * database holding the process engine's tables, created with the engine's own MySQL scripts. Without
     * {@code nullCatalogMeansCurrent=true} the engine of a new database would find these tables through JDBC metadata
     * (Connector/J searches every database when no catalog is given), take its own schema as present and fail at
     * start with "Table '<new>.ACT_GE_PROPERTY' doesn't exist".
     */
    static String createNeighbourWithEngineTables() {
        String name = createDatabase();
        String[] scripts = {"engine", "history", "identity", "case.engine", "case.history", "decision.engine",
                "decision.history"};
        try (Connection c = DriverManager.getConnection(urlOf(name), USER, PASSWORD)) {
            for (String script : scripts) {
                String path = "org/camunda/bpm/engine/db/create/activiti.mysql.create." + script + ".sql";
                try (var in = MariaDb.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) throw new IllegalStateException("missing " + path);
                    String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                        String body = statement.lines().filter(l -> !l.trim().startsWith("--"))
                                .collect(java.util.stream.Collectors.joining("\n")).trim();
                        if (!body.isEmpty()) c.createStatement().execute(body);
                    }
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot fill " + name + " with the engine's tables", e);
        }
        return name;
    }

    static void dropCreatedDatabases() {
        for (String name : java.util.List.copyOf(CREATED)) {
            dropDatabase(name);
            CREATED.remove(name);
        }
    }

    static void dropDatabase(String name) {
        try (Connection c = connect()) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** Runs statements as the server's administrator (the tests' own users and grants). */
    static void execute(String... statements) {
        try (Connection c = connect()) {
            for (String sql : statements) c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + java.util.Arrays.toString(statements), e);
        }
    }

    /** The ids of the server's connections of a user. */
    static java.util.List<Long> connectionsOf(String user) {
        try (Connection c = connect(); var s = c.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?")) {
            s.setString(1, user);
            var ids = new java.util.ArrayList<Long>();
            try (var r = s.executeQuery()) {
                while (r.next()) ids.add(r.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String urlOf(String database) {
        String base = SERVER_URL.contains("?") ? SERVER_URL.substring(0, SERVER_URL.indexOf('?')) : SERVER_URL;
        return (base.endsWith("/") ? base : base + "/") + database + "?" + OPTIONS;
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        String sep = SERVER_URL.contains("?") ? "&" : "?";
        return DriverManager.getConnection(SERVER_URL + sep + OPTIONS + "&connectTimeout=5000", USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return notBlank(v) ? v : fallback;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
