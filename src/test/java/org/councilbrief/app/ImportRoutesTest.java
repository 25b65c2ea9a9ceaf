package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/** The import page: preview, confirm, errors with file, line and reason, and limits. */
class ImportRoutesTest {
    private static String post(HttpClient client, Session session, String path, RequestBody body) throws Exception {
        Request request = new Request.Builder().url(client.getOrigin() + path).header("Cookie", "cb_session="
                + session.id()).post(body).build();
        try (Response response = client.getOkHttp().newCall(request).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    private static RequestBody upload(Session session, String name, byte[] bytes, String kind) {
        return new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("_csrf", session.csrfToken())
                .addFormDataPart("kind", kind).addFormDataPart("date", "2020-01-15")
                .addFormDataPart("file", name, RequestBody.create(bytes, MediaType.get("text/plain"))).build();
    }

    @Test
    void anEditorPreviewsThenImportsAndBadFilesAreRefusedWithTheirReason() throws Exception {
        try (Database database = Database.inMemory("import-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            byte[] record = Files.readAllBytes(SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt"));
            JavalinTest.test(WebServer.create(application), (server, client) -> {
                String preview = post(client, session, "/workspace/import/preview", upload(session, "SPV.8703.txt",
                        record, "meeting-record"));
                assertThat(preview).startsWith("200 ").contains("S/PV.8703").contains("speeches: 18")
                        .contains("Mr. Lacroix");
                int meetings = database.jdbi().withHandle(h -> h.createQuery("select count(*) from meeting")
                        .mapTo(Integer.class).one());
                assertThat(meetings).isZero(); // a preview writes nothing
                Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"").matcher(preview);
                assertThat(token.find()).isTrue();
                String done = post(client, session, "/workspace/import/confirm", new okhttp3.FormBody.Builder()
                        .add("_csrf", session.csrfToken()).add("token", token.group(1)).build());
                assertThat(done).startsWith("200 ").contains("Imported SPV.8703.txt as S/PV.8703.");
                int statements = database.jdbi().withHandle(h -> h.createQuery("select count(*) from statement")
                        .mapTo(Integer.class).one());
                assertThat(statements).isEqualTo(18);

                String wrongKind = post(client, session, "/workspace/import/preview", upload(session,
                        "SPV.8703.txt", record, "upr-report"));
                assertThat(wrongKind).startsWith("400 ").contains("SPV.8703.txt").contains("does not look like a UPR");
                String binary = post(client, session, "/workspace/import/preview", upload(session, "brief.docx",
                        new byte[] {'P', 'K', 3, 4}, "resolution"));
                assertThat(binary).startsWith("400 ").contains("only text (.txt, .md), PDF and CSV files");
                String noToken = post(client, session, "/workspace/import/preview", new MultipartBody.Builder()
                        .setType(MultipartBody.FORM).addFormDataPart("kind", "resolution").build());
                assertThat(noToken).startsWith("403 ");
            });
        }
    }
}
