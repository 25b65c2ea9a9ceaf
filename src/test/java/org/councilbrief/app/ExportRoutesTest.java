package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.councilbrief.db.Database;
import org.councilbrief.export.Dataset;
import org.councilbrief.export.Exports;
import org.councilbrief.export.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloads the search page links to: streamed, typed, named, filtered as search is, refused in words. */
class ExportRoutesTest {
    @TempDir
    static Path dir;
    private static Database database;
    private static Application application;

    @BeforeAll
    static void load() throws Exception {
        database = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0");
        application = ApiData.load(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static String expected(Dataset dataset, Format format, String q, String member) throws Exception {
        Exports exports = new Exports(database, application::membership);
        StringWriter out = new StringWriter();
        exports.write(dataset, format, exports.filter(q, null, member, null, null), out);
        return out.toString();
    }

    @Test
    void eachDownloadStreamsEveryMatchingRowWithItsTypeAndName() throws Exception {
        WebTest.test(WebServer.create(application), (server, client) -> {
            for (Dataset dataset : Dataset.values()) {
                for (Format format : Format.values()) {
                    String file = dataset.id() + "." + format.id();
                    try (okhttp3.Response response = client.get("/export/" + file)) {
                        assertThat(response.code()).as(file).isEqualTo(200);
                        assertThat(response.header("Content-Type")).isEqualTo(format.contentType());
                        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + file
                                + "\"");
                        // Streamed: sent in chunks as it is written, its length unknown when it starts.
                        assertThat(response.header("Content-Length")).as(file).isNull();
                        assertThat(response.body().string()).isEqualTo(expected(dataset, format, null, null));
                    }
                }
            }
            String csv = client.get("/export/recommendations.csv").body().string();
            assertThat(csv.lines().count()).isGreaterThan(150);
        });
    }

    @Test
    void theSearchPagesParametersFilterAndABadOneIsRefusedInWords() throws Exception {
        WebTest.test(WebServer.create(application), (server, client) -> {
            String filtered = client.get("/export/recommendations.jsonl?q=torture&member=FRA&kind=recommendations")
                    .body().string();
            assertThat(filtered).isEqualTo(expected(Dataset.RECOMMENDATIONS, Format.JSONL, "torture", "FRA"))
                    .isNotEmpty();
            assertThat(filtered.lines()).allSatisfy(l -> assertThat(l.toLowerCase()).contains("torture")
                    .contains("\"fra\""));
            assertThat(client.get("/export/positions.csv?situation=mali&year=2020&theme=&member=").body().string()
                    .lines().count()).isEqualTo(expected(Dataset.POSITIONS, Format.CSV, null, null).lines().count());
            try (okhttp3.Response bad = client.get("/export/positions.csv?theme=weather")) {
                assertThat(bad.code()).isEqualTo(400);
                assertThat(bad.header("Content-Type")).startsWith("text/plain");
                assertThat(bad.body().string()).isEqualTo("The download could not be made: 'weather' is not a theme;"
                        + " the themes are: " + String.join(", ", org.councilbrief.theme.Taxonomy.council().labels()
                        .stream().map(l -> l.id()).toList()) + ".");
            }
            assertThat(client.get("/export/speeches.csv").code()).isEqualTo(404);
            assertThat(client.get("/export/positions.xlsx").code()).isEqualTo(404);
            assertThat(client.get("/export/positions").code()).isEqualTo(404);
        });
    }
}
