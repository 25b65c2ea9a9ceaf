package org.councilbrief.account;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.councilbrief.AppException;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.db.Database;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Accounts and sessions: users created by an admin with a role; passwords kept as BCrypt hashes (cost 12, a random
 * salt each); five failed logins lock an account for fifteen minutes; a successful login starts a new session with
 * its own id and CSRF token (a session id is never carried over from before the login).
 */
public final class Accounts {
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final Duration SESSION = Duration.ofHours(8);
    private static final String WRONG = "wrong username or password";
    /** BCrypt's cost: 2^12 rounds, about a quarter of a second per hash here. */
    public static final int COST = 12;
    /**
     * A BCrypt hash at {@link #COST} of a random password nobody knows, written here once so that starting the
     * application does not spend a quarter of a second computing one.
     */
    private static final String DUMMY_HASH = "$2a$12$QLbs5WsG2aWS2oMzpOCvj.ykUXdANfCUQJm5JEb3ivPKi3dqhXx9C";

    private final AccountRepository repository;
    private final BCryptPasswordEncoder encoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** A hash to check against when the user does not exist, so that both cases take the same time. */
    private final String dummyHash;

    public Accounts(Database database, Clock clock, int cost) {
        this.repository = new AccountRepository(database.jdbi());
        this.encoder = new BCryptPasswordEncoder(cost);
        this.clock = clock;
        this.dummyHash = cost == COST ? DUMMY_HASH : encoder.encode("not a password of anyone");
    }

    public Accounts(Database database) {
        this(database, Clock.systemUTC(), COST);
    }

    /** Creates an account from the command line: the change log names the system user who ran it. */
    public User add(String username, String password, Role role) throws AppException {
        return add(username, password, role, ChangeLogRepository.commandLineUser());
    }

    /** Creates an account; {@code by} is the admin who did, for the change log. */
    public User add(String username, String password, Role role, String by) throws AppException {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[A-Za-z0-9._@-]{2,80}")) {
            throw new AppException("a username is 2 to 80 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AppException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 72) {
            throw new AppException("a password has at most 72 characters (the limit of BCrypt)");
        }
        if (repository.exists(name)) {
            throw new AppException("there is already a user '" + name + "'");
        }
        return repository.insert(name, encoder.encode(password), role, clock.instant(), by);
    }

    public List<User> users() {
        return repository.users();
    }

    /** Logs in: a new session, or an error that does not say whether the user exists. */
    public Session login(String username, String password) throws AppException {
        Instant now = clock.instant();
        Optional<AccountRepository.Stored> stored = repository.find(username == null ? "" : username.strip());
        if (stored.isEmpty()) {
            encoder.matches(password == null ? "" : password, dummyHash);
            throw new AppException(WRONG);
        }
        AccountRepository.Stored s = stored.get();
        if (s.lockedUntil() != null && s.lockedUntil().isAfter(now)) {
            throw new AppException("too many failed logins: the account is locked until "
                    + s.lockedUntil().toString().substring(0, 16).replace('T', ' ') + " UTC");
        }
        if (password == null || !encoder.matches(password, s.hash())) {
            int attempts = s.failedAttempts() + 1;
            repository.failed(s.user().id(), attempts >= MAX_FAILED_ATTEMPTS ? 0 : attempts,
                    attempts >= MAX_FAILED_ATTEMPTS ? now.plus(LOCK) : null);
            throw new AppException(WRONG);
        }
        repository.succeeded(s.user().id());
        repository.deleteExpired(now);
        Session session = new Session(token(), s.user(), token(), now.plus(SESSION));
        repository.insertSession(session, now);
        return session;
    }

    public Optional<Session> session(String id) {
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return repository.session(id, clock.instant());
    }

    public void logout(String id) {
        if (id != null) {
            repository.deleteSession(id);
        }
    }

    /** Whether a form's token is the session's, compared in constant time. */
    public static boolean csrfMatches(Session session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(), token.getBytes());
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
