package org.councilbrief.upr;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.councilbrief.council.TsvRows;

/** The Working Group's sessions shipped with councilbrief ({@code sessions.tsv}): cycle and dates of each. */
public final class UprSessions {
    /** One session. */
    public record Session(int number, int cycle, LocalDate from, LocalDate to) {
    }

    private static final Map<Integer, Session> SESSIONS = load();

    private UprSessions() {
    }

    public static Optional<Session> session(int number) {
        return Optional.ofNullable(SESSIONS.get(number));
    }

    /** The cycle of a session, known or not: 14 sessions a cycle from the second on. */
    public static int cycleOf(int session) {
        Session known = SESSIONS.get(session);
        if (known != null) {
            return known.cycle();
        }
        return session <= 12 ? 1 : session <= 26 ? 2 : session <= 40 ? 3 : 4 + (session - 41) / 14;
    }

    /** The session held on a date, if any. */
    public static Optional<Session> on(LocalDate date) {
        return SESSIONS.values().stream().filter(s -> !date.isBefore(s.from()) && !date.isAfter(s.to())).findFirst();
    }

    private static Map<Integer, Session> load() {
        Map<Integer, Session> sessions = new TreeMap<>();
        for (String[] f : TsvRows.read(UprSessions.class, "sessions.tsv")) {
            Session s = new Session(Integer.parseInt(f[0]), Integer.parseInt(f[1]), LocalDate.parse(f[2]),
                    LocalDate.parse(f[3]));
            sessions.put(s.number(), s);
        }
        return sessions;
    }
}
