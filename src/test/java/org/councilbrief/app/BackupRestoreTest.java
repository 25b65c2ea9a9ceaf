package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code backup} and {@code restore} (decision 0031) as an office runs them: a database with a brief, imports, decided
 * positions, accounts and their log is backed up, restored into a new database (H2 to H2, PostgreSQL to PostgreSQL,
 * and H2 to PostgreSQL), and the restored one holds the same rows in every table, lets the same people log in, and
 * takes new rows without a clash of ids. A database that holds data is not restored into.
 */
class BackupRestoreTest {
    private static final Path RECORD = SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt");

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        List<String> sources = TestDatabases.urls().toList();
        for (String source : sources) {
            pairs.add(Arguments.of(source, fresh(source)));
        }
        if (sources.size() > 1) {
            pairs.add(Arguments.of(fresh(sources.get(0)), fresh(sources.get(1))));
        }
        // Into an embedded file, where the restore runs under the journal (decision 0030).
        try {
            pairs.add(Arguments.of(fresh(sources.get(0)), "jdbc:h2:file:" + Files.createTempDirectory("restore-")
                    .resolve("councilbrief") + ";AUTO_SERVER=FALSE"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pairs.stream();
    }

    private static String fresh(String like) {
        return like.startsWith("jdbc:h2:") ? "jdbc:h2:mem:restore-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : TestDatabases.freshPostgresSchema(TestDatabases.postgres().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void aRestoredBackupHoldsTheSameDataAndWorksOn(String source, String target, @TempDir Path dir)
            throws Exception {
        try (Database database = Database.open(source)) {
            Application.start(database, true);
            new Accounts(database).add("edith", "a long enough password", Role.EDITOR);
            Imports imports = new Imports(database);
            imports.importFile(RECORD, "meeting-record", new ImportOptions("mali", null, LocalDate.of(2020, 1, 15)));
            imports.importBytes("upr.csv", """
                    id,session,to,from,text,issues,response,action
                    s01-1,1,Mali,France,"Abolish the death penalty, in law and in practice.",Death penalty,Accepted,4
                    s01-2,1,Mali,Brazil,Protect human rights defenders.,Human rights defenders,Noted,3
                    """.getBytes(StandardCharsets.UTF_8), "upr-csv", ImportOptions.none());
            StatementRepository statements = new StatementRepository(database.jdbi());
            long decided = statements.storedPositions("S/PV.8703").get(0).id();
            assertThat(statements.review(decided, Position.Status.ACCEPTED, null, null, "edith")).isTrue();
        }

        Path file = dir.resolve("councilbrief-backup.zip");
        CliRun backup = CliRun.of("backup", "--out", file.toString(), "--db", source);
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.err()).contains("backed up").contains(file.toString());

        CliRun restore = CliRun.of("restore", file.toString(), "--db", target);
        assertThat(restore.code()).as(restore.err()).isZero();
        if (target.startsWith("jdbc:h2:file:")) {
            Path base = Path.of(target.substring("jdbc:h2:file:".length(), target.indexOf(';')));
            assertThat(base.resolveSibling("councilbrief.mv.db")).exists();
            assertThat(base.resolveSibling("councilbrief.journal")).doesNotExist();
            assertThat(base.resolveSibling("councilbrief.journal.zip")).doesNotExist();
        }

        Map<String, List<String>> before = contents(source);
        Map<String, List<String>> after = contents(target);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(before.get("statement")).hasSizeGreaterThan(10);
        assertThat(before.get("upr_recommendation")).anyMatch(row -> row.contains("Abolish the death penalty, in law"));
        assertThat(before.get("position")).anyMatch(row -> row.contains("ACCEPTED"));

        // The backup file is the data, whatever database it came from: backing up the restored one gives the same rows.
        Path again = dir.resolve("again.zip");
        assertThat(CliRun.of("backup", "--out", again.toString(), "--db", target).code()).isZero();
        assertThat(rowsOf(again)).isEqualTo(rowsOf(file));

        try (Database restored = Database.open(target)) {
            Accounts accounts = new Accounts(restored);
            assertThat(accounts.login("edith", "a long enough password")).isNotNull();
            // New rows get new ids: the identity counters moved past the restored ones.
            accounts.add("rita", "another long password", Role.REVIEWER);
            StatementRepository statements = new StatementRepository(restored.jdbi());
            long undecided = statements.storedPositions("S/PV.8703").stream()
                    .filter(p -> p.position().status() == Position.Status.PROPOSED).findFirst().orElseThrow().id();
            assertThat(statements.review(undecided, Position.Status.REJECTED, null, null, "rita")).isTrue();
        }

        // Restoring again into the now filled database is refused, and changes nothing.
        Map<String, List<String>> filled = contents(target);
        CliRun twice = CliRun.of("restore", file.toString(), "--db", target);
        assertThat(twice.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(twice.err()).contains("not empty");
        assertThat(contents(target)).isEqualTo(filled);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void aDamagedBackupIsRefusedAndNothingIsWritten(String source, String target, @TempDir Path dir)
            throws Exception {
        try (Database database = Database.open(source)) {
            Application.start(database, true);
        }
        Path file = dir.resolve("backup.zip");
        assertThat(CliRun.of("backup", "--out", file.toString(), "--db", source).code()).isZero();
        // A row of the brief table lost: the counts in backup.json no longer match.
        Path damaged = dir.resolve("damaged.zip");
        try (ZipFile in = new ZipFile(file.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(damaged))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("tables/state.jsonl")) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    bytes = text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        CliRun restore = CliRun.of("restore", damaged.toString(), "--db", target);
        assertThat(restore.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(restore.err()).contains("table state has").contains("damaged");
        assertThat(contents(target).values()).allSatisfy(rows -> assertThat(rows).isEmpty());

        CliRun notABackup = CliRun.of("restore", RECORD.toString(), "--db", target);
        assertThat(notABackup.code()).isEqualTo(Cli.BAD_INPUT);
    }

    /** Every row of every table but Flyway's and the migrations' own, as text, sorted. */
    private static Map<String, List<String>> contents(String url) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Database database = Database.open(url)) {
            database.jdbi().useHandle(h -> {
                var c = h.getConnection();
                List<String> names = new ArrayList<>();
                try (var rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
                names.remove("flyway_schema_history");
                names.remove("app_lock");
                for (String table : names) {
                    List<String> rows = new ArrayList<>();
                    try (var s = c.createStatement(); var rs = s.executeQuery("select * from " + table)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= n; i++) {
                                Object value = rs.getObject(i);
                                row.append(value instanceof java.sql.Clob ? rs.getString(i) : value instanceof java.sql
                                        .Timestamp t ? t.toLocalDateTime() : value).append('|');
                            }
                            rows.add(row.toString());
                        }
                    }
                    rows.sort(null);
                    tables.put(table, rows);
                }
            });
        }
        return tables;
    }

    private static Map<String, String> rowsOf(Path zip) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("tables/")) {
                    List<String> lines = new ArrayList<>(new String(file.getInputStream(entry).readAllBytes(),
                            StandardCharsets.UTF_8).lines().toList());
                    lines.sort(null);
                    rows.put(entry.getName(), String.join("\n", lines));
                }
            }
        }
        return rows;
    }
}
