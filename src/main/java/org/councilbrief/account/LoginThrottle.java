package org.councilbrief.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How many login attempts may fail, counted in the database (decision 0028). Three counts, each in a fixed window:
 * per account name and client ({@value #PAIR_LIMIT} in 15 minutes: the real user who mistypes, or one stranger at one
 * account), per client ({@value #CLIENT_LIMIT} in 15 minutes: one stranger trying many names) and per account name
 * ({@value #ACCOUNT_LIMIT} in 5 minutes: many strangers at one account). An attempt takes a place in each count before
 * its password is checked and gives it back when it succeeds, so parallel attempts cannot check more passwords than
 * the limits allow. One stranger reaches the first two limits long before the third: only several networks at once
 * can slow the real user down, and then for five minutes after they stop, never until an admin steps in. Names are
 * counted whether or not an account has them, so the answers do not tell which exist; the database keeps only hashes
 * of names and addresses.
 */
final class LoginThrottle {
    static final int PAIR_LIMIT = 5;
    static final int CLIENT_LIMIT = 20;
    static final int ACCOUNT_LIMIT = 30;

    /** A count: its prefix in the key, its limit and its window. */
    private record Scope(String prefix, int limit, Duration window) {
    }

    private static final Scope PAIR = new Scope("p:", PAIR_LIMIT, Duration.ofMinutes(15));
    private static final Scope CLIENT = new Scope("c:", CLIENT_LIMIT, Duration.ofMinutes(15));
    private static final Scope ACCOUNT = new Scope("a:", ACCOUNT_LIMIT, Duration.ofMinutes(5));
    private static final Duration LONGEST = Duration.ofMinutes(15);

    private final LoginThrottleRepository repository;

    LoginThrottle(LoginThrottleRepository repository) {
        this.repository = repository;
    }

    private record Key(Scope scope, String key) {
    }

    private static List<Key> keys(String account, String client) {
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        name = name.length() > 200 ? name.substring(0, 200) : name;
        String from = client(client);
        return List.of(new Key(PAIR, PAIR.prefix() + sha256(name + "\u0000" + from)),
                new Key(CLIENT, CLIENT.prefix() + sha256(from)), new Key(ACCOUNT, ACCOUNT.prefix() + sha256(name)));
    }

    /**
     * Takes a place for an attempt in every count: empty when the attempt may go on, else how long until the count
     * that refused it starts a new window. A refused attempt takes no place.
     */
    Optional<Duration> reserve(String account, String client, Instant now) {
        List<Key> keys = keys(account, client);
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            if (!repository.reserve(k.key(), k.scope().limit(), k.scope().window(), now)) {
                for (int j = 0; j < i; j++) {
                    repository.release(keys.get(j).key(), 1);
                }
                Instant end = repository.windowStart(k.key()).orElse(now).plus(k.scope().window());
                long seconds = Math.max(1, (Duration.between(now, end).toMillis() + 999) / 1000);
                return Optional.of(Duration.ofSeconds(seconds));
            }
        }
        return Optional.empty();
    }

    /**
     * The attempt succeeded: its own places are given back. Earlier failures are not forgiven: guesses sent in one
     * burst with the right password are still being checked when it succeeds, and forgiving would give them new
     * places (measured: 10 passwords checked of 30 parallel guesses instead of 5). They age out with their window.
     */
    void succeeded(String account, String client) {
        for (Key key : keys(account, client)) {
            repository.release(key.key(), 1);
        }
    }

    /** Deletes the counts whose window has passed. */
    void purge(Instant now) {
        repository.purge(now.minus(LONGEST));
    }

    /**
     * A client as it is counted: an IPv4 address as it is; an IPv6 address by its /64 network, which one home or
     * office is given whole, so that walking through its addresses does not give a stranger more attempts.
     */
    static String client(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        a = a.replaceAll("%.*", "");
        // Only a literal address is parsed, so that no name is ever looked up.
        if (a.contains(":") && a.matches("[0-9A-Fa-f:.]{2,45}")) {
            try {
                byte[] bytes = InetAddress.getByName(a).getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                return a;
            }
        }
        return a;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
