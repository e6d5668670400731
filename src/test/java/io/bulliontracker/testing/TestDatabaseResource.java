package io.bulliontracker.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Gives each test run a fresh PostgreSQL database (created here, migrated by the service at start-up,
 * dropped at the end), reached by the service through {@link PgWireProxy}. The server is 127.0.0.1:5432
 * unless TEST_PG_HOST, TEST_PG_PORT, TEST_PG_USER and TEST_PG_PASSWORD say otherwise. No Docker needed.
 */
public class TestDatabaseResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://bullion-tracker.test";

    /** Init argument: start with the database unreachable (the proxy refuses connections). */
    public static final String DOWN_AT_START = "downAtStart";

    private String database;
    private PgWireProxy proxy;
    private boolean downAtStart;

    @Override
    public void init(Map<String, String> initArgs) {
        downAtStart = Boolean.parseBoolean(initArgs.getOrDefault(DOWN_AT_START, "false"));
    }

    static String host() {
        return env("TEST_PG_HOST", "127.0.0.1");
    }

    static int port() {
        return Integer.parseInt(env("TEST_PG_PORT", "5432"));
    }

    static String user() {
        return env("TEST_PG_USER", "postgres");
    }

    static String password() {
        return env("TEST_PG_PASSWORD", "");
    }

    @Override
    public Map<String, String> start() {
        database = "bullion_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        try {
            proxy = new PgWireProxy(host(), port());
            proxy.refuseConnections(downAtStart);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the PostgreSQL proxy", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + proxy.port() + "/" + database);
        // Migrations go through the proxy too, so that a database "down at start" is down for them as
        // well; the proxy reads the wire protocol, hence no TLS.
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database + "?sslmode=disable");
        config.put("quarkus.datasource.username", user());
        config.put("quarkus.datasource.password", password());
        config.put("mp.jwt.verify.publickey.location", Path.of("src/test/resources/jwt/publicKey.pem").toAbsolutePath().toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("test.jdbc.url", jdbcUrl(database));
        return config;
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (Exception ignored) {
            // dropping the database matters more
        }
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    static Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", user());
        props.setProperty("password", password());
        return props;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), credentials());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host() + ":" + port() + " refused: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
