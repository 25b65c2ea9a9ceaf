package org.councilbrief.statement;

import java.time.LocalDate;

/**
 * A Security Council meeting.
 *
 * @param symbol its record, "S/PV.9350"
 * @param situation the situation it was about, or null
 * @param date the day it was held
 * @param topic the agenda item as the Council's records name it
 * @param pressRelease the meetings-coverage press release, "SC/15322", or null
 */
public record Meeting(String symbol, String situation, LocalDate date, String topic, String pressRelease) {
}
