package org.councilbrief.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.councilbrief.AppException;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

class AccountsTest {
    /** A clock the test moves by hand. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void storesASaltedBcryptHashAndLogsInWithANewSessionEachTime() throws AppException {
        try (Database db = Database.inMemory("accounts-" + System.nanoTime())) {
            Accounts accounts = new Accounts(db, new Hands(), 4);
            accounts.add("amina", "a long enough password", Role.EDITOR);
            accounts.add("bert", "a long enough password", Role.REVIEWER);
            var hashes = db.jdbi().withHandle(h -> h.createQuery("select password_hash from app_user order by username")
                    .mapTo(String.class).list());
            assertThat(hashes).allSatisfy(hash -> assertThat(hash).startsWith("$2a$04$").doesNotContain("password"));
            assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1)); // same password, other salt
            Session first = accounts.login("amina", "a long enough password");
            Session second = accounts.login("amina", "a long enough password");
            assertThat(first.id()).isNotEqualTo(second.id()).hasSize(64);
            assertThat(first.csrfToken()).isNotEqualTo(first.id());
            assertThat(accounts.session(first.id())).map(s -> s.user().role()).contains(Role.EDITOR);
            accounts.logout(first.id());
            assertThat(accounts.session(first.id())).isEmpty();
            assertThat(accounts.session("not a session")).isEmpty();
        }
    }

    @Test
    void fiveFailedLoginsLockTheAccountForFifteenMinutes() throws AppException {
        try (Database db = Database.inMemory("accounts-" + System.nanoTime())) {
            Hands clock = new Hands();
            Accounts accounts = new Accounts(db, clock, 4);
            accounts.add("amina", "a long enough password", Role.EDITOR);
            for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS; i++) {
                assertThatThrownBy(() -> accounts.login("amina", "wrong")).hasMessage("wrong username or password");
            }
            assertThatThrownBy(() -> accounts.login("amina", "a long enough password"))
                    .hasMessageContaining("locked until");
            clock.now = clock.now.plus(Duration.ofMinutes(16));
            assertThat(accounts.login("amina", "a long enough password").user().username()).isEqualTo("amina");
            assertThatThrownBy(() -> accounts.login("nobody", "a long enough password"))
                    .hasMessage("wrong username or password");
        }
    }

    @Test
    void sessionsEndAndBadAccountsAreRefused() throws AppException {
        try (Database db = Database.inMemory("accounts-" + System.nanoTime())) {
            Hands clock = new Hands();
            Accounts accounts = new Accounts(db, clock, 4);
            accounts.add("amina", "a long enough password", Role.ADMIN);
            Session session = accounts.login("amina", "a long enough password");
            clock.now = clock.now.plus(Accounts.SESSION).plusSeconds(1);
            assertThat(accounts.session(session.id())).isEmpty();
            assertThatThrownBy(() -> accounts.add("amina", "a long enough password", Role.EDITOR))
                    .hasMessageContaining("already a user 'amina'");
            assertThatThrownBy(() -> accounts.add("bo", "short", Role.EDITOR)).hasMessageContaining("at least 12");
            assertThatThrownBy(() -> accounts.add("<script>", "a long enough password", Role.EDITOR))
                    .hasMessageContaining("a username is");
            assertThatThrownBy(() -> Role.of("king")).hasMessageContaining("unknown role 'king'");
        }
    }
}
