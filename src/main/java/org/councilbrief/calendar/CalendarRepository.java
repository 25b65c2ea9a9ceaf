package org.councilbrief.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.councilbrief.document.ParagraphRef;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.ResolutionParagraph;
import org.councilbrief.situation.PlannedMeeting;
import org.jdbi.v3.core.Jdbi;

/** What the calendar and the stale briefs are read from: resolutions, plans, reviews, imports and publications. */
public final class CalendarRepository {
    private final Jdbi jdbi;

    public CalendarRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A situation with the names a document may call it by. */
    public record Place(String id, String name, String stateCode, List<String> names) {
    }

    /** A UPR review held: its state, session and day, and its report's symbol or null. */
    record Review(String id, String state, int session, LocalDate date, String report) {
    }

    /**
     * An item an import brought, when, and from which file; with what places it: a meeting's situation, a press
     * summary's meeting and that meeting's situation, a review's state (each null where it does not apply or is not
     * known).
     */
    record Arrival(String kind, String key, LocalDateTime at, String file, String situation, String meeting,
            String state) {
    }

    /** A brief's working date and the time its latest version was published (null if never). */
    record BriefDates(String situation, LocalDate asOf, LocalDateTime published) {
    }

    public List<Place> places() {
        return jdbi.withHandle(h -> h.createQuery("""
                select s.id, s.name, s.state_code, st.name, st.short_name from situation s
                left join state st on st.code = s.state_code order by s.name""").map((rs, ctx) -> {
                    List<String> names = new ArrayList<>();
                    for (int i = 2; i <= 5; i++) {
                        String n = i == 3 ? null : rs.getString(i);
                        if (n != null) {
                            n = n.replaceFirst("^(?i)the ", "").strip();
                            if (n.length() >= 3 && !names.contains(n)) {
                                names.add(n);
                            }
                        }
                    }
                    return new Place(rs.getString(1), rs.getString(2), rs.getString(3), names);
                }).list());
    }

    /** Every resolution held, with its paragraphs, in the order of their symbols. */
    List<Resolution> resolutions() {
        return resolutions(null);
    }

    /** The resolutions with these symbols, or every one when {@code symbols} is null. */
    List<Resolution> resolutions(java.util.Collection<String> symbols) {
        if (symbols != null && symbols.isEmpty()) {
            return List.of();
        }
        record Row(String symbol, LocalDate adopted, ResolutionParagraph paragraph) {
        }
        List<Row> rows = jdbi.withHandle(h -> {
            var query = h.createQuery("select d.symbol, d.published, p.kind, p.number, p.sub, p.body from"
                    + " resolution_paragraph p join document d on d.symbol = p.symbol"
                    + (symbols == null ? "" : " where d.symbol in (<symbols>)") + " order by d.symbol, p.position");
            if (symbols != null) {
                query.bindList("symbols", List.copyOf(symbols));
            }
            return query.map((rs, ctx) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class),
                        new ResolutionParagraph(ParagraphRef.Kind.valueOf(rs.getString(3)), rs.getInt(4),
                                rs.getString(5), rs.getString(6)))).list();
        });
        Map<String, List<Row>> bySymbol = new LinkedHashMap<>();
        rows.forEach(r -> bySymbol.computeIfAbsent(r.symbol(), k -> new ArrayList<>()).add(r));
        List<Resolution> out = new ArrayList<>();
        bySymbol.forEach((symbol, rs) -> out.add(new Resolution(symbol, null,
                rs.stream().map(Row::paragraph).toList(), rs.get(0).adopted())));
        return out;
    }

    List<PlannedMeeting> plannedMeetings() {
        return jdbi.withHandle(h -> h.createQuery("select id, situation_id, meeting_date, title, source from"
                + " planned_meeting order by meeting_date, id").map((rs, ctx) -> new PlannedMeeting(rs.getLong(1),
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5))).list());
    }

    List<Review> reviews() {
        return jdbi.withHandle(h -> h.createQuery("select id, state_under_review, session, review_date, report from"
                + " upr_review order by review_date, id").map((rs, ctx) -> new Review(rs.getString(1),
                        rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getString(5))).list());
    }

    /**
     * What imports brought after {@code since}, in one statement whatever their number: each file's items logged as
     * news (an item whose content is unchanged by its import is not, decision 0048) and, for files logged before items
     * were (decision 0040), the one item their target names; each with the situation, meeting or state that places
     * it.
     */
    List<Arrival> arrivals(LocalDateTime since) {
        return jdbi.withHandle(h -> h.createQuery("""
                select a.kind, a.item_key, a.imported_at, a.file_name, coalesce(m.situation_id, pm.situation_id),
                p.meeting_symbol, r.state_under_review from (
                  select i.kind, i.item_key, l.imported_at, l.file_name from import_log l
                  join import_log_item i on i.import_id = l.id where l.imported_at > :since and i.news
                  union all
                  select case l.kind when 'meeting-record' then 'meeting' when 'upr-report' then 'upr-review'
                  when 'upr-csv' then 'upr-review' else l.kind end,
                  case when l.kind not in ('upr-report', 'upr-csv') then l.target
                  when l.target like 'UPR review %' then substring(l.target from 12) end,
                  l.imported_at, l.file_name from import_log l where l.imported_at > :since
                  and not exists (select 1 from import_log_item i where i.import_id = l.id)
                ) a
                left join meeting m on a.kind = 'meeting' and m.symbol = a.item_key
                left join press_release p on a.kind = 'press-release' and p.number = a.item_key
                left join meeting pm on pm.symbol = p.meeting_symbol
                left join upr_review r on a.kind = 'upr-review' and r.id = a.item_key
                where a.item_key is not null""").bind("since", since)
                // An old line's kind is its importer's and its target the item ("UPR review MLI-S43"), mapped above.
                .map((rs, ctx) -> new Arrival(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list());
    }

    /** Every brief's working date and its latest publication. */
    List<BriefDates> briefDates() {
        return jdbi.withHandle(h -> h.createQuery("""
                select b.situation_id, b.as_of, max(r.created_at) from brief b
                left join brief_revision r on r.situation_id = b.situation_id and r.status = 'published'
                group by b.situation_id, b.as_of""")
                .map((rs, ctx) -> new BriefDates(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDateTime.class))).list());
    }
}
