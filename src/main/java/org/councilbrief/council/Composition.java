package org.councilbrief.council;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Council on one date: its members in alphabetical order of short name, and the groupings of that year (P5, E10,
 * A3, A3+) with their members. When the year's elected members are not all recorded, the members are those that are
 * ({@link #complete()} is false and {@link #gap()} says so in words).
 *
 * @param electedSeats how many elected seats the Council has that year (ten from 1966)
 */
public record Composition(LocalDate date, List<CouncilMember> members, Map<String, List<State>> groupings,
        int electedSeats) {

    public Set<String> codes() {
        return members.stream().map(m -> m.state().code()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isMember(String code) {
        return members.stream().anyMatch(m -> m.state().code().equals(code));
    }

    public boolean hasGrouping(String id) {
        return groupings.containsKey(id);
    }

    /** Members of a grouping in alphabetical order, or an empty list if the grouping does not exist that year. */
    public List<State> grouping(String id) {
        return groupings.getOrDefault(id, List.of());
    }

    /** How many elected members are recorded for the date. */
    public int electedRecorded() {
        return (int) members.stream().filter(m -> m.seat() == Seat.ELECTED).count();
    }

    /** Whether every elected seat of the date is recorded. */
    public boolean complete() {
        return electedRecorded() >= electedSeats;
    }

    /**
     * What a page says when the date's elected members are not all recorded: "The elected members for 2027 are not
     * all recorded yet: 5 of the 10 elected seats are known. Shown are the five permanent members and the elected
     * members whose terms cover 15 January 2027." Empty when they are.
     */
    public Optional<String> gap() {
        if (complete()) {
            return Optional.empty();
        }
        int known = electedRecorded();
        return Optional.of("The elected members for " + date.getYear() + " are not all recorded yet: "
                + (known == 0 ? "none" : known) + " of the " + electedSeats + " elected seats "
                + (known == 1 ? "is" : "are") + " known. Shown are the five permanent members"
                + (known == 0 ? "" : " and the elected members whose terms cover " + date.getDayOfMonth() + " "
                        + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + " " + date.getYear()) + ".");
    }
}
