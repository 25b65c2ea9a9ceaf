package org.councilbrief.council;

import java.util.List;

/** One state on the Council on a given date, with its seat and the groupings it belongs to that year. */
public record CouncilMember(State state, Seat seat, List<String> groupings) {
}
