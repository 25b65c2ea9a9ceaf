package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code councilbrief user add} with passwords its hash cannot read whole: a clear line, never a stack trace. */
class UserCliTest {
    private static CliRun addWithPassword(String db, String username, String password) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            return CliRun.of("user", "add", "--username", username, "--role", "editor", "--password-stdin", "--db",
                    db);
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void aPasswordOverSeventyTwoBytesIsRefusedInWordsAndOneAtTheLimitIsTaken() {
        String db = "jdbc:h2:mem:user-cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        CliRun refused = addWithPassword(db, "amina", "é".repeat(60)); // 60 characters, 120 bytes
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("a password has at most 72 bytes").contains("this one has 120 bytes")
                .doesNotContain("Exception").doesNotContain("\tat ");
        CliRun taken = addWithPassword(db, "amina", "é".repeat(36)); // 72 bytes
        assertThat(taken.code()).as(taken.err()).isZero();
        assertThat(taken.err()).contains("created editor 'amina'");
    }
}
