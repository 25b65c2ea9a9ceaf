package org.councilbrief.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.councilbrief.AppException;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.db.Database;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Accounts and sessions: users created by an admin with a role; passwords kept as BCrypt hashes (cost 12, a random
 * salt each); failed logins counted in the database per client, per account name and per both, and refused for a
 * while past a limit (decision 0028); a successful login starts a new session with its own id and CSRF token (a
 * session id is never carried over from before the login), which ends after a time without use or a fixed time after
 * the login, whichever comes first. A login that fails answers the same, in the same time, whether the account
 * exists or not.
 */
public final class Accounts {
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** BCrypt reads at most 72 bytes of a password; a longer one would be cut without a word. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final String WRONG = "wrong username or password";
    /** How often a session's last use is written: a session idle for 2 hours is not ended a minute late. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** BCrypt's cost: 2^12 rounds, about a quarter of a second per hash here. */
    public static final int COST = 12;
    /**
     * A BCrypt hash at {@link #COST} of a random password nobody knows, written here once so that starting the
     * application does not spend a quarter of a second computing one.
     */
    private static final String DUMMY_HASH = "$2a$12$QLbs5WsG2aWS2oMzpOCvj.ykUXdANfCUQJm5JEb3ivPKi3dqhXx9C";

    private final AccountRepository repository;
    private final LoginThrottle throttle;
    private final BCryptPasswordEncoder encoder;
    private final Clock clock;
    private final AccountSettings settings;
    private final SecureRandom random = new SecureRandom();
    /** A hash to check against when the user does not exist, so that both cases take the same time. */
    private final String dummyHash;
    /** How long checking a password takes here, averaged over the latest checks; 0 before the first. */
    private volatile long checkNanos;

    public Accounts(Database database, Clock clock, int cost, AccountSettings settings) {
        this.repository = new AccountRepository(database.jdbi());
        this.throttle = new LoginThrottle(new LoginThrottleRepository(database.jdbi()));
        this.encoder = new BCryptPasswordEncoder(cost);
        this.clock = clock;
        this.settings = settings;
        this.dummyHash = cost == COST ? DUMMY_HASH : encoder.encode("not a password of anyone");
    }

    public Accounts(Database database, Clock clock, int cost) {
        this(database, clock, cost, AccountSettings.defaults());
    }

    public Accounts(Database database, AccountSettings settings) {
        this(database, Clock.systemUTC(), COST, settings);
    }

    public Accounts(Database database) {
        this(database, AccountSettings.defaults());
    }

    public AccountSettings settings() {
        return settings;
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
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new AppException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PASSWORD_BYTES) {
            throw new AppException("a password has at most " + MAX_PASSWORD_BYTES + " bytes, the most its hash reads:"
                    + " 72 letters without accents, fewer with accented letters (2 bytes each) or other scripts"
                    + " (3 or 4); this one has " + bytes + " bytes");
        }
        if (repository.exists(name)) {
            throw new AppException("there is already a user '" + name + "'");
        }
        return repository.insert(name, encoder.encode(password), role, clock.instant(), by);
    }

    public List<User> users() {
        return repository.users();
    }

    /** Logs in from this machine's own command line or a test: every such attempt counts as one client's. */
    public Session login(String username, String password) throws AppException {
        return login(username, password, "local");
    }

    /**
     * Logs in: a new session, or an error that does not say whether the user exists. An attempt past the limits
     * ({@link TooManyAttemptsException}) is answered after as long as checking a password takes, so that neither its
     * answer's time nor its words tell a name that exists from one that does not.
     *
     * @param client the address the attempt comes from
     */
    public Session login(String username, String password, String client) throws AppException {
        Instant now = clock.instant();
        String name = username == null ? "" : username.strip();
        Optional<Duration> refused = throttle.reserve(name, client, now);
        if (refused.isPresent()) {
            waitAsLongAsACheck();
            throw new TooManyAttemptsException(refused.get());
        }
        Optional<AccountRepository.Stored> stored = name.length() > 80 ? Optional.empty() : repository.find(name);
        boolean matches = check(password, stored.map(AccountRepository.Stored::hash).orElse(dummyHash));
        if (stored.isEmpty() || !matches) {
            throw new AppException(WRONG);
        }
        throttle.succeeded(name, client);
        purge(now);
        Session session = new Session(token(), stored.get().user(), token(), now.plus(settings.sessionMax()));
        repository.insertSession(session, now);
        return session;
    }

    /** Checks a password against a hash, timed; a password longer than BCrypt reads matches nothing. */
    private boolean check(String password, String hash) {
        long start = System.nanoTime();
        boolean tooLong = password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
        boolean matches = encoder.matches(tooLong ? "" : password, hash) && !tooLong;
        long took = System.nanoTime() - start;
        long before = checkNanos;
        checkNanos = before == 0 ? took : (before * 7 + took) / 8;
        return matches;
    }

    private void waitAsLongAsACheck() {
        long nanos = checkNanos;
        if (nanos == 0) {
            check("", dummyHash); // no check measured yet in this process: make one, which takes as long
            return;
        }
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Deletes the sessions that have ended and the counts of failed logins that no longer count. */
    public void purge() {
        purge(clock.instant());
    }

    private void purge(Instant now) {
        repository.deleteExpired(now, now.minus(settings.sessionIdle()));
        throttle.purge(now);
    }

    public Optional<Session> session(String id) {
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return repository.session(id, now, now.minus(settings.sessionIdle()), TOUCH_EVERY);
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
