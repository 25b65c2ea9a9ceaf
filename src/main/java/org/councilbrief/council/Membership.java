package org.councilbrief.council;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Security Council membership for every year from 1946: the permanent members, the elected members' terms
 * ({@code membership.tsv}) and the groupings of each year ({@code groupings.tsv}). Composition is a function of the
 * date.
 */
public final class Membership {
    public static final List<String> PERMANENT = List.of("CHN", "FRA", "GBR", "RUS", "USA");
    public static final int FIRST_YEAR = 1946;
    /** 1965 was the last year of eleven members; Council enlarged by the amendment to Article 23 in force 31 August 1965. */
    public static final int FIRST_YEAR_OF_FIFTEEN = 1966;

    record PlusGrouping(String id, int fromYear, int toYear, String joinedBy) {
    }

    private final States states;
    private final List<Term> terms;
    private final List<PlusGrouping> plusGroupings;
    private final int lastKnownYear;
    private final Map<Integer, Composition> byYear = new ConcurrentHashMap<>();

    Membership(States states, List<Term> terms, List<PlusGrouping> plusGroupings) {
        this.states = states;
        this.terms = List.copyOf(terms);
        this.plusGroupings = List.copyOf(plusGroupings);
        this.lastKnownYear = computeLastKnownYear();
    }

    private static final Membership SHIPPED = new Membership(States.shipped(), loadTerms(), loadGroupings());

    public static Membership shipped() {
        return SHIPPED;
    }

    public States states() {
        return states;
    }

    public List<Term> terms() {
        return terms;
    }

    /** The last year for which the shipped data knows all members. */
    public int lastKnownYear() {
        return lastKnownYear;
    }

    private int computeLastKnownYear() {
        int last = FIRST_YEAR;
        for (int year = FIRST_YEAR;; year++) {
            int y = year;
            long elected = terms.stream().filter(t -> t.covers(y)).count();
            if (elected != (year < FIRST_YEAR_OF_FIFTEEN ? 6 : 10)) {
                return last;
            }
            last = year;
        }
    }

    /**
     * The Council on a date.
     *
     * @throws IllegalArgumentException for a date before 1946 or after the last year the data covers
     */
    public Composition on(LocalDate date) {
        int year = date.getYear();
        if (year < FIRST_YEAR || year > lastKnownYear()) {
            throw new IllegalArgumentException("councilbrief knows the Council's members from " + FIRST_YEAR + " to "
                    + lastKnownYear() + "; " + date + " is outside that range");
        }
        // Terms run by calendar year, so one composition serves every date of its year.
        Composition ofYear = byYear.computeIfAbsent(year, this::compose);
        return new Composition(date, ofYear.members(), ofYear.groupings());
    }

    private Composition compose(int year) {
        LocalDate date = LocalDate.of(year, 1, 1);
        List<State> permanent = PERMANENT.stream().map(states::require).toList();
        List<State> elected = terms.stream().filter(t -> t.covers(year)).map(t -> states.require(t.code())).toList();

        Map<String, List<State>> groupings = new LinkedHashMap<>();
        groupings.put("P5", sorted(permanent));
        groupings.put("E" + elected.size(), sorted(elected));
        if (year >= FIRST_YEAR_OF_FIFTEEN) {
            List<State> african = elected.stream().filter(s -> State.AFRICAN_GROUP.equals(s.group())).toList();
            if (african.size() == 3) {
                groupings.put("A3", sorted(african));
                for (PlusGrouping plus : plusGroupings) {
                    if (year >= plus.fromYear() && year <= plus.toYear()) {
                        List<State> withPlus = new ArrayList<>(african);
                        withPlus.add(states.require(plus.joinedBy()));
                        groupings.put(plus.id(), sorted(withPlus));
                    }
                }
            }
        }
        List<CouncilMember> members = new ArrayList<>();
        for (State state : sorted(concat(permanent, elected))) {
            List<String> of = groupings.entrySet().stream().filter(e -> e.getValue().contains(state))
                    .map(Map.Entry::getKey).toList();
            members.add(new CouncilMember(state, permanent.contains(state) ? Seat.PERMANENT : Seat.ELECTED, of));
        }
        return new Composition(date, List.copyOf(members), Collections.unmodifiableMap(groupings));
    }

    private static List<State> concat(List<State> a, List<State> b) {
        List<State> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static List<State> sorted(List<State> states) {
        return states.stream().sorted(Comparator.comparing(State::sortKey)).toList();
    }

    private static List<Term> loadTerms() {
        return TsvRows.read("membership.tsv").stream()
                .map(f -> new Term(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]))).toList();
    }

    private static List<PlusGrouping> loadGroupings() {
        return TsvRows.read("groupings.tsv").stream()
                .map(f -> new PlusGrouping(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3])).toList();
    }
}
