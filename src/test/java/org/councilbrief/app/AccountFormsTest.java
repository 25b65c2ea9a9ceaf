package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/** The login form and the admin's "add a user" form, refused: what was typed comes back, never the password. */
class AccountFormsTest {
    private static String tag(String html, String id) {
        Matcher m = Pattern.compile("<(?:input|select)[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        return m.find() ? m.group() : "";
    }

    private static String action(String html, String button) {
        Matcher m = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"[^>]*>(?:(?!</form>).)*>" + button
                + "</button>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(button).isTrue();
        return m.group(1);
    }

    @Test
    void aRefusedLoginKeepsTheUsernameAndMarksTheFields() throws Exception {
        try (Database database = Database.inMemory("forms-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add("ada", "an admin's long password", Role.ADMIN);
            WebTest.test(WebServer.create(application), (server, client) -> {
                OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
                String form;
                String cookie;
                try (Response r = http.newCall(new Request.Builder().url(client.getOrigin() + "/login").build())
                        .execute()) {
                    form = r.body().string();
                    cookie = r.header("Set-Cookie").substring(0, r.header("Set-Cookie").indexOf(';'));
                }
                Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(form);
                assertThat(csrf.find()).isTrue();
                HttpUrl target = HttpUrl.get(client.getOrigin() + "/login").resolve(action(form, "Log in"));
                try (Response r = http.newCall(new Request.Builder().url(target).header("Cookie", cookie)
                        .post(new FormBody.Builder().add("_csrf", csrf.group(1)).add("username", " ada ")
                                .add("password", "the wrong one, typed").build()).build()).execute()) {
                    String page = r.body().string();
                    assertThat(r.code()).isEqualTo(401);
                    assertThat(page).contains("<p class=\"error\" id=\"login-error\" role=\"alert\">wrong username"
                            + " or password</p>").doesNotContain("the wrong one, typed");
                    assertThat(tag(page, "username")).contains("value=\"ada\"").contains("aria-invalid=\"true\"")
                            .contains("aria-describedby=\"login-error\"");
                    assertThat(tag(page, "password")).doesNotContain("value=").contains("autofocus");
                }
            });
        }
    }

    @Test
    void aRefusedAccountKeepsItsNameAndRoleAndTheFormStaysAtTheWorkspacesAddress() throws Exception {
        try (Database database = Database.inMemory("forms-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("ada", "an admin's long password", Role.ADMIN);
            Session admin = accounts.login("ada", "an admin's long password");
            WebTest.test(WebServer.create(application), (server, client) -> {
                OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
                String workspace;
                try (Response r = http.newCall(new Request.Builder().url(client.getOrigin() + "/workspace")
                        .header("Cookie", "cb_session=" + admin.id()).build()).execute()) {
                    workspace = r.body().string();
                }
                HttpUrl target = HttpUrl.get(client.getOrigin() + "/workspace").resolve(action(workspace,
                        "Create the account"));
                assertThat(target.encodedPath()).isEqualTo("/workspace");
                for (List<String> refusal : List.of(
                        List.of("rita", "short", "reviewer", "password", "A password has at least 12 characters."),
                        List.of("rita", "é".repeat(60), "reviewer", "password", "A password has at most 72 bytes,"
                                + " the most its hash reads: 72 letters without accents, fewer with accented letters"
                                + " (2 bytes each) or other scripts (3 or 4); this one has 120 bytes."),
                        List.of("r", "a reviewer's long password", "reviewer", "username",
                                "A username is 2 to 80 letters, digits or . _ @ -."),
                        List.of("ada", "a reviewer's long password", "admin", "username",
                                "There is already a user 'ada'."),
                        List.of("rita", "a reviewer's long password", "king", "role",
                                "Unknown role 'king'; expected editor, reviewer or admin."))) {
                    try (Response r = http.newCall(new Request.Builder().url(target).header("Cookie", "cb_session="
                            + admin.id()).post(new FormBody.Builder().add("_csrf", admin.csrfToken())
                                    .add("username", refusal.get(0)).add("password", refusal.get(1))
                                    .add("role", refusal.get(2)).build()).build()).execute()) {
                        String page = r.body().string();
                        assertThat(r.code()).as(refusal.toString()).isEqualTo(400);
                        assertThat(page).contains("<p class=\"field-error\" id=\"new-user-error\" role=\"alert\">"
                                + refusal.get(4) + "</p>").doesNotContain(refusal.get(1));
                        assertThat(tag(page, "new-" + refusal.get(3))).contains("aria-invalid=\"true\"")
                                .contains("new-user-error");
                        assertThat(tag(page, "new-username")).contains("value=\"" + refusal.get(0) + "\"");
                        // The page is shown at the workspace's address: its links are the workspace's own.
                        assertThat(page).contains("<a href=\"workspace/import\">Import</a>");
                        if (!refusal.get(2).equals("king")) {
                            assertThat(page).contains("<option selected>" + refusal.get(2) + "</option>");
                        }
                    }
                }
                assertThat(accounts.users()).extracting(u -> u.username()).containsExactly("ada");
            });
        }
    }
}
