package org.councilbrief.council;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Council on one date: its members in alphabetical order of short name, and the groupings of that year (P5, E10,
 * A3, A3+) with their members.
 */
public record Composition(LocalDate date, List<CouncilMember> members, Map<String, List<State>> groupings) {

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
}
