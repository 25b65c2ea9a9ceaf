package org.councilbrief.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.councilbrief.AppException;
import org.councilbrief.audit.ChangeLogRepository;
import org.jdbi.v3.core.Jdbi;

/**
 * What the office sets in the workspace and every instance on the database shares: the age after which a brief's date
 * makes it stale; and each user's secret feed address, for a feed reader that cannot log in (decision 0040). Only a
 * SHA-256 hash of a feed token is kept: the address is shown once, when it is made, and a new one replaces it.
 */
public final class OfficeRepository {
    /** The setting's name in {@code office_setting}. */
    static final String STALE_DAYS = "stale-after-days";
    /** The limit when the office has set none. */
    public static final int DEFAULT_STALE_DAYS = 30;
    public static final int MAX_STALE_DAYS = 3650;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;

    public OfficeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** After how many days a brief's date makes it stale. */
    public int staleAfterDays() {
        return jdbi.withHandle(h -> h.createQuery("select setting from office_setting where name = :n")
                .bind("n", STALE_DAYS).mapTo(String.class).findOne()).map(Integer::parseInt)
                .orElse(DEFAULT_STALE_DAYS);
    }

    /** Sets the limit, as an admin typed it ("45"), with its change-log entry; a clear error for a bad number. */
    public int setStaleAfterDays(String typed, String user) throws AppException {
        String t = typed == null ? "" : typed.strip();
        int days;
        try {
            days = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new AppException("the number of days must be a whole number from 1 to " + MAX_STALE_DAYS);
        }
        if (days < 1 || days > MAX_STALE_DAYS) {
            throw new AppException("the number of days must be a whole number from 1 to " + MAX_STALE_DAYS);
        }
        jdbi.useTransaction(h -> {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            int updated = h.createUpdate("update office_setting set setting = :v, changed_by = :u, changed_at = :at"
                    + " where name = :n").bind("v", String.valueOf(days)).bind("u", user).bind("at", now)
                    .bind("n", STALE_DAYS).execute();
            if (updated == 0) {
                h.createUpdate("insert into office_setting (name, setting, changed_by, changed_at) values (:n, :v, :u,"
                        + " :at)").bind("v", String.valueOf(days)).bind("u", user).bind("at", now)
                        .bind("n", STALE_DAYS).execute();
            }
            ChangeLogRepository.record(h, user, "office-setting", STALE_DAYS, "set", days + " days");
        });
        return days;
    }

    /** Makes a new feed token for a user, replacing any earlier one, and returns it: the only time it is seen. */
    public String renewFeedToken(User user) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from feed_token where user_id = :u").bind("u", user.id()).execute();
            h.createUpdate("insert into feed_token (user_id, token_hash, created_at) values (:u, :h, :at)")
                    .bind("u", user.id()).bind("h", hash(token)).bind("at", LocalDateTime.now(ZoneOffset.UTC))
                    .execute();
            ChangeLogRepository.record(h, user.username(), "feed-token", user.username(), "renewed",
                    "a new address for the feed of stale briefs; the earlier one no longer works");
        });
        return token;
    }

    /** When the user's current feed address was made (UTC), if they have one. */
    public Optional<LocalDateTime> feedTokenMade(User user) {
        return jdbi.withHandle(h -> h.createQuery("select created_at from feed_token where user_id = :u")
                .bind("u", user.id()).mapTo(LocalDateTime.class).findOne());
    }

    /** The user a feed token belongs to, if it is a current one. */
    public Optional<User> feedUser(String token) {
        if (token == null || !token.matches("[0-9a-f]{48}")) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("select u.id, u.username, u.role from feed_token t join app_user u"
                + " on u.id = t.user_id where t.token_hash = :h").bind("h", hash(token))
                .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)))).findOne());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
