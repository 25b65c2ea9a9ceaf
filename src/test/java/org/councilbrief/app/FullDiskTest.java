package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.councilbrief.SharedData;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database on a disk that is full (decision 0030): a 28 MB tmpfs mounted for the test, the command line
 * as an office runs it. A meeting record is imported; then another file fills the disk to 4 MB of free space, and UPR
 * Info's export (5 MB, which grows the database by 8 MB) is refused before anything is written, with the file and the
 * free space named; every table is as it was; once space is freed, the database takes the next import. (Without the
 * check, H2 met the full disk inside the import's transaction and spun in its rollback.) Mounting needs root (as in
 * CI, which installs its packages as root); elsewhere the test is skipped.
 */
class FullDiskTest {
    private static final Path DATA = SharedData.root().resolve("data");

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static Map<String, Long> counts(String url) {
        try (Database database = Database.open(url)) {
            return database.jdbi().withHandle(h -> {
                Map<String, Long> counts = new TreeMap<>();
                for (String table : h.createQuery("select table_name from information_schema.tables where"
                        + " table_schema = 'PUBLIC'").mapTo(String.class).list()) {
                    counts.put(table, h.createQuery("select count(*) from \"" + table + "\"").mapTo(Long.class).one());
                }
                return counts;
            });
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // H2 spun for ever
    void anImportTooLargeForTheDiskIsRefusedBeforeItWritesAndTheDatabaseGoesOn(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && run("mount", "-t", "tmpfs", "-o", "size=28m",
                "tmpfs", disk.toString()), "mounting a tmpfs needs root");
        try {
            String url = "jdbc:h2:file:" + disk.resolve("councilbrief") + ";DB_CLOSE_DELAY=0";
            Path meeting = DATA.resolve("council-speeches/meetings/SPV.8703.txt");
            CliRun first = CliRun.of("import", meeting.toString(), "--kind", "meeting-record", "--date",
                    "2020-01-16", "--db", url);
            assertThat(first.code()).as(first.err()).isZero();
            Map<String, Long> before = counts(url);
            assertThat(before.get("STATEMENT")).isPositive();

            // The disk fills (another file grows) until 4 MB are left: the export would grow the database by 8 MB.
            Path ballast = disk.resolve("ballast");
            long left = Files.getFileStore(disk).getUsableSpace() - (4L << 20);
            try (var out = Files.newOutputStream(ballast)) {
                byte[] block = new byte[1 << 20];
                for (long written = 0; written < left; written += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, left - written));
                }
            }
            Path csv = DATA.resolve("upr-themes/upr_recommendations_sessions_01-12.csv");
            CliRun refused = CliRun.of("import", csv.toString(), "--kind", "upr-csv", "--db", url);
            assertThat(refused.code()).isNotZero();
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).contains(csv.getFileName().toString()).contains("not enough free disk space")
                    .contains("nothing was written").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(counts(url)).isEqualTo(before);

            Files.delete(ballast); // space freed: the database takes the next import
            Path resolution = DATA.resolve("pages/seed_sources/res2690_2023_text_partial.txt");
            CliRun next = CliRun.of("import", resolution.toString(), "--kind", "resolution", "--db", url);
            assertThat(next.code()).as(next.err()).isZero();
            assertThat(counts(url).get("RESOLUTION_PARAGRAPH")).isGreaterThan(before.get("RESOLUTION_PARAGRAPH"));
        } finally {
            run("umount", disk.toString());
        }
    }
}
