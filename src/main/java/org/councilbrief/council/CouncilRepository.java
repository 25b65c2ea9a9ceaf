package org.councilbrief.council;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.councilbrief.AppException;
import org.councilbrief.audit.ChangeLogRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The Council's composition as the database holds it (decision 0026): the terms of every seat and the groupings
 * members join (A3+). The shipped reference data is written in where nothing is recorded for it; an admin records new
 * years, corrects and removes terms, each change in its own transaction with its entry in the change log. A removed
 * term is kept, marked removed, so that the shipped data never brings it back. No change may seat more elected
 * members on a day than the Council has elected seats, nor give a state two terms that share a day.
 */
public final class CouncilRepository {
    /** What the change log calls a Council term. */
    static final String ENTITY = "council-term";
    private final Jdbi jdbi;

    public CouncilRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A term refused: it overlaps a recorded term of its state, or begins before 1946. */
    public static final class Refused extends AppException {
        private final transient Term term;

        Refused(Term term, String message) {
            super(message);
            this.term = term;
        }

        /** The term refused. */
        public Term term() {
            return term;
        }
    }

    /** What a recording did. */
    public record Recorded(List<Term> added, List<Term> unchanged) {
    }

    /** The composition as recorded, over the shipped states. */
    public Membership membership() {
        return jdbi.withHandle(handle -> new Membership(States.shipped(), liveTerms(handle), liveGroupings(handle)));
    }

    /**
     * Writes the shipped terms and groupings that the database has no record of: a term where no term of its state,
     * live or removed, shares a day with it; a grouping where none of its id shares a year. Runs inside the caller's
     * transaction, after the states are written.
     */
    static void seedShipped(Handle handle, Membership shipped) {
        List<Term> stored = terms(handle, true);
        var insert = handle.prepareBatch("insert into council_term (state_code, seat, first_day, last_day, origin)"
                + " values (?, ?, ?, ?, 'shipped')");
        for (Term term : shipped.terms()) {
            if (stored.stream().noneMatch(t -> t.code().equals(term.code()) && t.overlaps(term))) {
                insert.add(term.code(), term.seat().id(), term.first(), term.last());
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        }
        List<Membership.PlusGrouping> groupings = groupings(handle, true);
        var groupingInsert = handle.prepareBatch("insert into council_grouping (grouping_id, first_year, last_year,"
                + " joined_by, origin) values (?, ?, ?, ?, 'shipped')");
        for (Membership.PlusGrouping g : shipped.plusGroupings()) {
            if (groupings.stream().noneMatch(s -> s.id().equals(g.id()) && s.fromYear() <= g.toYear()
                    && g.fromYear() <= s.toYear())) {
                groupingInsert.add(g.id(), g.fromYear(), g.toYear(), g.joinedBy());
            }
        }
        if (groupingInsert.size() > 0) {
            groupingInsert.execute();
        }
    }

    /** Every live term, by state and first day. */
    public List<Term> terms() {
        return jdbi.withHandle(CouncilRepository::liveTerms);
    }

    /**
     * Records terms in one transaction: each either is recorded already (a live term of its state covers it) or is
     * added; nothing is written if one of them conflicts with a recorded term or would over-fill a day's seats.
     *
     * @param origin where the terms come from, as the change log and the table keep it ("council term add", a file)
     * @throws AppException naming the term and what it conflicts with
     */
    public Recorded record(List<Term> terms, String origin, String user) throws AppException {
        return jdbi.inTransaction(handle -> {
            List<Term> live = new ArrayList<>(liveTerms(handle));
            List<Term> added = new ArrayList<>();
            List<Term> unchanged = new ArrayList<>();
            for (Term term : terms) {
                checkDates(term);
                List<Term> same = live.stream().filter(t -> t.code().equals(term.code()) && t.overlaps(term))
                        .toList();
                if (same.isEmpty()) {
                    added.add(term);
                    live.add(term);
                } else if (same.stream().allMatch(t -> t.seat() == term.seat()) && covered(term, same)) {
                    unchanged.add(term);
                } else {
                    Term other = same.getFirst();
                    throw new Refused(term, describe(term) + " overlaps " + describe(other)
                            + ", recorded already; remove that term first if it is wrong");
                }
            }
            checkSeats(live, added);
            for (Term term : added) {
                // A term removed before and recorded again comes back in its row.
                int revived = handle.createUpdate("update council_term set seat = :seat, last_day = :last,"
                        + " origin = :origin, removed = false where state_code = :code and first_day = :first"
                        + " and removed")
                        .bind("seat", term.seat().id()).bind("last", term.last()).bind("origin", origin)
                        .bind("code", term.code()).bind("first", term.first()).execute();
                if (revived == 0) {
                    handle.createUpdate("insert into council_term (state_code, seat, first_day, last_day, origin)"
                            + " values (:code, :seat, :first, :last, :origin)")
                            .bind("code", term.code()).bind("seat", term.seat().id()).bind("first", term.first())
                            .bind("last", term.last()).bind("origin", origin).execute();
                }
                ChangeLogRepository.record(handle, user, ENTITY, term.code() + " " + term.first(), "recorded",
                        describe(term) + ", from " + origin);
            }
            return new Recorded(List.copyOf(added), List.copyOf(unchanged));
        });
    }

    /**
     * Marks the live term of a state that begins on {@code first} (or, given a year, on any day of it) as removed.
     *
     * @throws AppException when no such term is recorded
     */
    public Term remove(String code, LocalDate first, boolean anyDayOfYear, String user) throws AppException {
        return jdbi.inTransaction(handle -> {
            Optional<Term> found = liveTerms(handle).stream().filter(t -> t.code().equals(code)
                    && (anyDayOfYear ? t.first().getYear() == first.getYear() : t.first().equals(first))).findFirst();
            if (found.isEmpty()) {
                throw new AppException("no term of " + code + " beginning " + (anyDayOfYear ? "in " + first.getYear()
                        : "on " + first) + " is recorded");
            }
            Term term = found.get();
            handle.createUpdate("update council_term set removed = true"
                    + " where state_code = :code and first_day = :first")
                    .bind("code", code).bind("first", term.first()).execute();
            ChangeLogRepository.record(handle, user, ENTITY, code + " " + term.first(), "removed", describe(term));
            return term;
        });
    }

    /**
     * Records that a member joins the A3 as a grouping of its own for some years ("A3+"); one that is recorded already
     * is left as it is.
     *
     * @return whether anything was written
     */
    public boolean recordGrouping(String id, int fromYear, int toYear, String joinedBy, String origin, String user)
            throws AppException {
        if (toYear < fromYear || fromYear < Membership.FIRST_YEAR_OF_FIFTEEN) {
            throw new AppException("a grouping's years run from its first to its last, from "
                    + Membership.FIRST_YEAR_OF_FIFTEEN + " on (not " + fromYear + " to " + toYear + ")");
        }
        return jdbi.inTransaction(handle -> {
            for (Membership.PlusGrouping g : groupings(handle, false)) {
                if (g.id().equals(id) && g.fromYear() <= toYear && fromYear <= g.toYear()) {
                    if (g.fromYear() == fromYear && g.toYear() == toYear && g.joinedBy().equals(joinedBy)) {
                        return false;
                    }
                    throw new AppException("the " + id + " of " + g.fromYear() + "-" + g.toYear() + " (with "
                            + g.joinedBy() + ") is recorded already for some of these years");
                }
            }
            handle.execute("delete from council_grouping where grouping_id = ? and first_year = ? and removed", id,
                    fromYear);
            handle.execute("insert into council_grouping (grouping_id, first_year, last_year, joined_by, origin)"
                    + " values (?, ?, ?, ?, ?)", id, fromYear, toYear, joinedBy, origin);
            ChangeLogRepository.record(handle, user, "council-grouping", id + " " + fromYear, "recorded",
                    id + " " + fromYear + "-" + toYear + " with " + joinedBy + ", from " + origin);
            return true;
        });
    }

    private static void checkDates(Term term) throws AppException {
        if (term.first().getYear() < Membership.FIRST_YEAR) {
            throw new Refused(term, describe(term) + " begins before " + Membership.FIRST_YEAR
                    + ", when the Security Council first met");
        }
        if (term.seat() == Seat.ELECTED && term.last() == null) {
            throw new Refused(term, describe(term) + " needs a last day: an elected term ends");
        }
    }

    /** Whether the recorded terms together cover every day of {@code term}. */
    private static boolean covered(Term term, List<Term> recorded) {
        LocalDate day = term.first();
        for (Term t : recorded.stream().sorted(Comparator.comparing(Term::first)).toList()) {
            if (t.first().isAfter(day)) {
                return false;
            }
            if (t.last() == null) {
                return true;
            }
            if (!t.last().isBefore(day)) {
                day = t.last().plusDays(1);
            }
            if (term.last() != null && day.isAfter(term.last())) {
                return true;
            }
        }
        return false;
    }

    /** Refuses a change that seats more members on a day than there are seats; days are checked where terms begin. */
    private static void checkSeats(List<Term> live, List<Term> added) throws AppException {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Term term : added) {
            days.add(term.first());
            live.stream().filter(t -> term.covers(t.first())).forEach(t -> days.add(t.first()));
        }
        for (LocalDate day : days) {
            for (Seat seat : Seat.values()) {
                List<Term> seated = live.stream().filter(t -> t.seat() == seat && t.covers(day)).toList();
                int seats = seat == Seat.PERMANENT ? Membership.PERMANENT.size()
                        : Membership.electedSeats(day.getYear());
                if (seated.size() > seats) {
                    throw new AppException("this would seat " + seated.size() + " " + seat.id() + " members on " + day
                            + ", when the Council has " + seats + " " + seat.id() + " seats: "
                            + String.join(", ", seated.stream().map(Term::code).sorted().toList())
                            + "; remove the wrong term first");
                }
            }
        }
    }

    static String describe(Term term) {
        return "the " + term.seat().id() + " term of " + term.code() + " (" + term.period() + ")";
    }

    private static List<Term> liveTerms(Handle handle) {
        return terms(handle, false);
    }

    private static List<Term> terms(Handle handle, boolean withRemoved) {
        return handle.createQuery("select state_code, seat, first_day, last_day from council_term"
                + (withRemoved ? "" : " where not removed") + " order by state_code, first_day")
                .map((rs, ctx) -> new Term(rs.getString(1), Seat.valueOf(rs.getString(2).toUpperCase(
                        java.util.Locale.ROOT)), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }

    private static List<Membership.PlusGrouping> liveGroupings(Handle handle) {
        return groupings(handle, false);
    }

    private static List<Membership.PlusGrouping> groupings(Handle handle, boolean withRemoved) {
        return handle.createQuery("select grouping_id, first_year, last_year, joined_by from council_grouping"
                + (withRemoved ? "" : " where not removed") + " order by first_year, grouping_id")
                .map((rs, ctx) -> new Membership.PlusGrouping(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getString(4))).list();
    }
}
