package org.councilbrief.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Opening a database skips Flyway only when its history holds exactly the shipped scripts (decision 0050). */
class MigrationsTest {
    static Stream<String> databases() {
        return TestDatabases.urls();
    }

    @org.junit.jupiter.api.Test
    void theShippedScriptsAreTheFilesOfTheMigrationFolder() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            assertThat(Migrations.shipped()).hasSize((int) files.count()).contains("1|create schema")
                    .allSatisfy(s -> assertThat(s).matches("[0-9.]+\\|[a-z ]+"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void upToDateOnlyWhenEveryShippedScriptIsRecordedAsApplied(String url) throws Exception {
        try (Database database = Database.open(url)) {
            javax.sql.DataSource source = database.dataSource();
            assertThat(Migrations.upToDate(source)).as("just migrated").isTrue();
            java.util.Set<String> recorded = database.jdbi().withHandle(h -> h.createQuery("select \"version\" || '|' || \"description\""
                    + " || '|' || \"checksum\" from \"flyway_schema_history\" where \"version\" is not null")
                    .mapTo(String.class).set());
            assertThat(recorded).as("Flyway's own checksums").isEqualTo(Migrations.shippedWithChecksums());
            database.jdbi().useHandle(h -> h.execute("update \"flyway_schema_history\" set \"checksum\" ="
                    + " \"checksum\" + 1 where \"installed_rank\" = 1"));
            assertThat(Migrations.upToDate(source)).as("a script applied with other content").isFalse();
            database.jdbi().useHandle(h -> h.execute("update \"flyway_schema_history\" set \"checksum\" ="
                    + " \"checksum\" - 1 where \"installed_rank\" = 1"));
            assertThat(Migrations.upToDate(source)).isTrue();
            String newest = database.jdbi().withHandle(h -> h.createQuery("select \"version\" from"
                    + " \"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\" desc")
                    .mapTo(String.class).first());
            database.jdbi().useHandle(h -> h.execute("update \"flyway_schema_history\" set \"success\" = false"
                    + " where \"version\" = ?", newest));
            assertThat(Migrations.upToDate(source)).as("the newest failed").isFalse();
            database.jdbi().useHandle(h -> h.execute("update \"flyway_schema_history\" set \"success\" = true,"
                    + " \"description\" = 'renamed' where \"version\" = ?", newest));
            assertThat(Migrations.upToDate(source)).as("another script under the newest version").isFalse();
            database.jdbi().useHandle(h -> h.execute("delete from \"flyway_schema_history\" where \"version\" = ?",
                    newest));
            assertThat(Migrations.upToDate(source)).as("the newest missing (an older build's database)").isFalse();
        }
        // Flyway, asked again because the history is short of one, takes the database for a newer one's or refuses:
        // either way the fast path did not hide it.
    }

    @org.junit.jupiter.api.Test
    void aFreshDatabaseIsNotUpToDateAndOpeningTwiceMigratesOnce() {
        String url = "jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Database first = Database.open(url)) {
            assertThat(Migrations.upToDate(first.dataSource())).isTrue();
            try (Database second = Database.open(url)) {
                int rows = count(first);
                assertThat(count(second)).isEqualTo(rows);
            }
        }
    }

    private static int count(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from \"flyway_schema_history\"")
                .mapTo(Integer.class).one());
    }
}
