package org.councilbrief.council;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Security Council membership from 1946: every seat's terms, permanent and elected, and the groupings members join for
 * some years (A3+). Composition is a function of the date. The application reads it from the database, where an admin
 * records each new year ({@code CouncilRepository}); {@link #shipped()} is the reference data the database starts from
 * ({@code membership.tsv}, {@code groupings.tsv}). A date whose elected members are not all recorded gives the members
 * that are, and says how many seats are not known; no date from 1946 on is refused.
 */
public final class Membership {
    public static final List<String> PERMANENT = List.of("CHN", "FRA", "GBR", "RUS", "USA");
    public static final int FIRST_YEAR = 1946;
    /** 1965 was the last year of eleven members; Council enlarged by the amendment to Article 23 in force 31 August 1965. */
    public static final int FIRST_YEAR_OF_FIFTEEN = 1966;

    /** A grouping a member joins for some years beside the A3 ("A3+"). */
    record PlusGrouping(String id, int fromYear, int toYear, String joinedBy) {
        boolean covers(int year) {
            return year >= fromYear && year <= toYear;
        }
    }

    private final States states;
    private final List<Term> terms;
    private final List<PlusGrouping> plusGroupings;
    private final int lastKnownYear;
    private final Map<LocalDate, Composition> byDate = new ConcurrentHashMap<>();

    Membership(States states, List<Term> terms, List<PlusGrouping> plusGroupings) {
        this.states = states;
        this.terms = List.copyOf(terms);
        this.plusGroupings = List.copyOf(plusGroupings);
        this.lastKnownYear = computeLastKnownYear();
    }

    private static final Membership SHIPPED = new Membership(States.shipped(), loadTerms(), loadGroupings());

    /** The reference data shipped in the jar: what a new database starts from, and what commands without one use. */
    public static Membership shipped() {
        return SHIPPED;
    }

    public States states() {
        return states;
    }

    /** Every term, permanent seats first as stored. */
    public List<Term> terms() {
        return terms;
    }

    List<PlusGrouping> plusGroupings() {
        return plusGroupings;
    }

    /** Whether the two hold the same terms and groupings. */
    boolean sameData(Membership other) {
        return terms.equals(other.terms) && plusGroupings.equals(other.plusGroupings);
    }

    /** A fingerprint of the terms and groupings: the same data gives the same fingerprint. */
    public String fingerprint() {
        return Integer.toHexString(terms.hashCode()) + Integer.toHexString(plusGroupings.hashCode());
    }

    /** How many elected seats the Council has in a year: six until 1965, ten from 1966. */
    public static int electedSeats(int year) {
        return year < FIRST_YEAR_OF_FIFTEEN ? 6 : 10;
    }

    /** The last year of the unbroken run from 1946 whose elected members are all recorded. */
    public int lastKnownYear() {
        return lastKnownYear;
    }

    /** The last year an elected member's term reaches: later than {@link #lastKnownYear()} while a year is partial. */
    public int lastRecordedYear() {
        return terms.stream().filter(t -> t.seat() == Seat.ELECTED).mapToInt(Term::toYear).max()
                .orElse(lastKnownYear);
    }

    /** Whether all the elected members of a year are recorded. */
    public boolean complete(int year) {
        return elected(year) >= electedSeats(year);
    }

    private long elected(int year) {
        return terms.stream().filter(t -> t.seat() == Seat.ELECTED && t.covers(year)).count();
    }

    private int computeLastKnownYear() {
        int last = FIRST_YEAR - 1;
        for (int year = FIRST_YEAR; complete(year); year++) {
            last = year;
        }
        return last;
    }

    /**
     * The Council on a date: the seats whose terms cover it. For a date whose elected members are not all recorded the
     * composition holds those that are ({@link Composition#complete()} is false); a later year is never refused.
     *
     * @throws IllegalArgumentException for a date before 1946, when there was no Council
     */
    public Composition on(LocalDate date) {
        if (date.getYear() < FIRST_YEAR) {
            throw new IllegalArgumentException("the Security Council first met in " + FIRST_YEAR + "; " + date
                    + " is before it");
        }
        return byDate.computeIfAbsent(date, this::compose);
    }

    private Composition compose(LocalDate date) {
        int year = date.getYear();
        List<State> permanent = seated(date, Seat.PERMANENT);
        List<State> elected = seated(date, Seat.ELECTED);
        int seats = electedSeats(year);

        Map<String, List<State>> groupings = new LinkedHashMap<>();
        groupings.put("P5", sorted(permanent));
        groupings.put("E" + seats, sorted(elected));
        if (year >= FIRST_YEAR_OF_FIFTEEN) {
            List<State> african = elected.stream().filter(s -> State.AFRICAN_GROUP.equals(s.group())).toList();
            if (african.size() == 3) {
                groupings.put("A3", sorted(african));
                for (PlusGrouping plus : plusGroupings) {
                    if (plus.covers(year)) {
                        List<State> withPlus = new ArrayList<>(african);
                        withPlus.add(states.require(plus.joinedBy()));
                        groupings.put(plus.id(), sorted(withPlus));
                    }
                }
            }
        }
        List<CouncilMember> members = new ArrayList<>();
        for (State state : sorted(Stream.concat(permanent.stream(), elected.stream()).toList())) {
            List<String> of = groupings.entrySet().stream().filter(e -> e.getValue().contains(state))
                    .map(Map.Entry::getKey).toList();
            members.add(new CouncilMember(state, permanent.contains(state) ? Seat.PERMANENT : Seat.ELECTED, of));
        }
        return new Composition(date, List.copyOf(members), Collections.unmodifiableMap(groupings), seats);
    }

    private List<State> seated(LocalDate date, Seat seat) {
        return terms.stream().filter(t -> t.seat() == seat && t.covers(date)).map(t -> states.require(t.code()))
                .distinct().toList();
    }

    static List<State> sorted(List<State> states) {
        return states.stream().sorted(Comparator.comparing(State::sortKey)).toList();
    }

    private static List<Term> loadTerms() {
        List<Term> terms = new ArrayList<>();
        // The permanent seats sit from the first meeting on; they are not listed in membership.tsv.
        PERMANENT.forEach(code -> terms.add(new Term(code, Seat.PERMANENT, LocalDate.of(FIRST_YEAR, 1, 1), null)));
        TsvRows.read("membership.tsv").forEach(f -> terms.add(new Term(f[0], Integer.parseInt(f[1]),
                Integer.parseInt(f[2]))));
        return terms;
    }

    private static List<PlusGrouping> loadGroupings() {
        return TsvRows.read("groupings.tsv").stream()
                .map(f -> new PlusGrouping(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3])).toList();
    }
}
