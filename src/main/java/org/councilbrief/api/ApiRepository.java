package org.councilbrief.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.councilbrief.export.Dataset;
import org.councilbrief.export.ExportFilter;
import org.councilbrief.statement.Meeting;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** What the API reads beyond the exported rows: meetings page by page, one meeting and its statements. */
public final class ApiRepository {
    private final Jdbi jdbi;

    public ApiRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Where a page of meetings starts: after this meeting, in order of date then symbol; null for the first page. */
    record MeetingKey(LocalDate date, String symbol) {
    }

    /**
     * Up to {@code limit} meetings after {@code after}, oldest first, that match the filter's situation, year and
     * member (a meeting at which the member spoke).
     */
    List<Meeting> meetings(ExportFilter filter, MeetingKey after, int limit) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        if (after != null) {
            where.add("(m.meeting_date > :date or (m.meeting_date = :date and m.symbol > :symbol))");
        }
        if (filter.situation() != null) {
            where.add("m.situation_id = :situation");
        }
        if (filter.year() != null) {
            where.add("m.meeting_date >= :from and m.meeting_date < :to");
        }
        if (filter.member() != null) {
            where.add("exists (select 1 from statement s where s.meeting_symbol = m.symbol and s.state_code = :member)");
        }
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("select m.symbol, m.situation_id, m.meeting_date, m.topic,"
                    + " m.press_release from meeting m where " + String.join(" and ", where)
                    + " order by m.meeting_date, m.symbol fetch first :limit rows only").bind("limit", limit);
            if (after != null) {
                query.bind("date", after.date()).bind("symbol", after.symbol());
            }
            if (filter.situation() != null) {
                query.bind("situation", filter.situation());
            }
            if (filter.year() != null) {
                query.bind("from", LocalDate.of(filter.year(), 1, 1)).bind("to", LocalDate.of(filter.year() + 1, 1, 1));
            }
            if (filter.member() != null) {
                query.bind("member", filter.member());
            }
            return query.map((rs, ctx) -> new Meeting(rs.getString(1), rs.getString(2),
                    rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5))).list();
        });
    }

    Optional<Meeting> meeting(String symbol) {
        return jdbi.withHandle(handle -> handle.createQuery("select symbol, situation_id, meeting_date, topic,"
                + " press_release from meeting where symbol = :s").bind("s", symbol)
                .map((rs, ctx) -> new Meeting(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5))).findOne());
    }

    /** A meeting's statements in the order they were made, as rows of {@link Dataset#STATEMENTS}. */
    List<Object[]> statements(String symbol) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select s.id, s.meeting_symbol, m.meeting_date, m.situation_id, s.speech_index, s.speaker,
                s.state_code, s.on_behalf_of, s.language, s.body
                from statement s join meeting m on m.symbol = s.meeting_symbol
                where s.meeting_symbol = :s order by s.speech_index""").bind("s", symbol)
                .map((rs, ctx) -> {
                    Object[] row = new Object[10];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = switch (i) {
                            case 0, 4 -> rs.getLong(i + 1);
                            case 2 -> rs.getObject(i + 1, LocalDate.class);
                            default -> rs.getString(i + 1);
                        };
                    }
                    return row;
                }).list());
    }
}
