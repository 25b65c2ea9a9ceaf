package org.councilbrief.db;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The databases repository tests run against: a fresh in-memory H2 always, and the PostgreSQL server named by
 * {@code COUNCILBRIEF_TEST_PG_URL} when it is set (CI starts one, so there they always run). Each PostgreSQL use gets a
 * schema of its own.
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
            String schema = "t" + UUID.randomUUID().toString().replace("-", "");
            Jdbi.create(pg).useHandle(h -> h.execute("create schema " + schema));
            urls.add(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } else {
            System.err.println("PostgreSQL repository tests skipped: set " + PG_URL_VARIABLE
                    + " (for example jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres) to run them");
        }
        return urls.stream();
    }
}
