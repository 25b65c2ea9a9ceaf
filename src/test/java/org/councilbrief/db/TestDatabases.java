package org.councilbrief.db;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The databases repository tests run against: a fresh in-memory H2 always, and the PostgreSQL server named by
 * {@code COUNCILBRIEF_TEST_PG_URL} when it is set. CI ({@code CI=true}, which {@code .ci/run} sets) starts one, and there
 * a missing URL fails every test that asks for the databases rather than letting a green run mean H2 only; elsewhere
 * the PostgreSQL half is skipped with a warning on stderr. Each PostgreSQL use gets a schema of its own.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static final String PG_URL_VARIABLE = "COUNCILBRIEF_TEST_PG_URL";

    public static Stream<Database> all() {
        return urls().map(Database::open);
    }

    /**
     * The JDBC URLs of the same databases, not yet migrated: for a test that migrates one step by step. An H2 URL
     * takes the user {@code sa} with an empty password; a PostgreSQL one carries its user.
     */
    public static Stream<String> urls() {
        List<String> urls = new ArrayList<>();
        urls.add("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String pg = System.getenv(PG_URL_VARIABLE);
        if (pg != null && !pg.isBlank()) {
            urls.add(freshPostgresSchema(pg));
        } else if (onCi()) {
            throw new IllegalStateException("CI=true but " + PG_URL_VARIABLE + " is not set: the PostgreSQL half of"
                    + " the repository tests cannot run (.ci/run starts a PostgreSQL and sets it)");
        } else {
            System.err.println("WARNING: PostgreSQL repository tests SKIPPED: set " + PG_URL_VARIABLE
                    + " (for example jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres) to run them");
        }
        return urls.stream();
    }

    /** The PostgreSQL URL to test against, if one is configured (failing under CI when none is). */
    public static java.util.Optional<String> postgres() {
        String pg = System.getenv(PG_URL_VARIABLE);
        if (pg != null && !pg.isBlank()) {
            return java.util.Optional.of(pg);
        }
        if (onCi()) {
            throw new IllegalStateException("CI=true but " + PG_URL_VARIABLE + " is not set");
        }
        System.err.println("WARNING: PostgreSQL test SKIPPED: set " + PG_URL_VARIABLE + " to run it");
        return java.util.Optional.empty();
    }

    /** A fresh schema of its own on the configured PostgreSQL, as a URL, for a test that needs one database. */
    public static String freshPostgresSchema(String pg) {
        String schema = "t" + UUID.randomUUID().toString().replace("-", "");
        Jdbi.create(pg).useHandle(h -> h.execute("create schema " + schema));
        return pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
