package org.councilbrief.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.Query;

/**
 * The rows of a {@link Dataset} that match a filter, read from a database cursor in order of id and handed on one at a
 * time, so that memory stays the same however many there are. The read runs in a transaction: PostgreSQL fetches a
 * result in batches of {@link #FETCH_SIZE} only with autocommit off (H2 keeps a large result on disk by itself).
 */
public final class ExportRepository {
    static final int FETCH_SIZE = 1000;
    /** Where a recommendation's row holds its recommending states. */
    private static final int STATES = 9;
    private final Jdbi jdbi;

    public ExportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What receives the rows; it returns false to stop the read (a page of the API is full). */
    @FunctionalInterface
    public interface Sink {
        boolean accept(Object[] row) throws java.io.IOException;
    }

    /** A situation's state, empty when the situation concerns none; null when there is no such situation. */
    Optional<String> situationState(String situation) {
        return jdbi.withHandle(handle -> handle.createQuery("select state_code from situation where id = :id")
                .bind("id", situation).map((rs, ctx) -> Optional.ofNullable(rs.getString(1))).findOne()
                .orElse(null));
    }

    /**
     * Streams every row of {@code dataset} with an id above {@code after} that matches {@code filter}, in order of id.
     * Positions are the accepted ones only. {@code stateUnderReview} narrows recommendations to one state's reviews.
     */
    void stream(Dataset dataset, ExportFilter filter, String stateUnderReview, long after, Sink sink)
            throws java.io.IOException {
        List<String> where = new ArrayList<>();
        String sql = switch (dataset) {
            case RECOMMENDATIONS -> {
                where.add("r.id > :after");
                if (filter.situation() != null) {
                    where.add("v.state_under_review = :stateUnderReview");
                }
                if (filter.member() != null) {
                    where.add("exists (select 1 from upr_recommendation_state m where m.recommendation_id = r.id"
                            + " and m.state_code = :member)");
                }
                if (filter.year() != null) {
                    where.add("v.review_date >= :from and v.review_date < :to");
                }
                words(where, "r.body", filter);
                // Unnarrowed (every row, or a theme read in Java), the recommending states come from a second cursor
                // read beside the first, in the same order: a third faster than a subquery per row.
                String states = where.size() == 1 ? "cast(null as varchar(1))" : """
                        (select string_agg(s.state_code, ';' order by s.position)
                            from upr_recommendation_state s where s.recommendation_id = r.id)""";
                yield """
                        select r.id, r.review_id, v.state_under_review, v.cycle, v.session, v.review_date, v.report,
                        r.paragraph, r.body,\s""" + states + """
                        , r.response, r.issues
                        from upr_recommendation r join upr_review v on v.id = r.review_id
                        where\s""" + String.join(" and ", where) + " order by r.id";
            }
            case POSITIONS -> {
                where.add("p.status = 'ACCEPTED' and p.id > :after");
                situationYearMember(where, filter, "p.state_code");
                if (filter.theme() != null) {
                    where.add("p.theme = :theme");
                }
                words(where, "p.evidence", filter);
                yield """
                        select p.id, m.symbol, m.meeting_date, m.situation_id, coalesce(s.speech_index, p.press_paragraph),
                        p.state_code, p.act, p.theme, p.evidence, coalesce(p.press_release, m.symbol)
                        from position p left join statement s on s.id = p.statement_id
                        left join press_release pr on pr.number = p.press_release
                        join meeting m on m.symbol = coalesce(s.meeting_symbol, pr.meeting_symbol)
                        where\s""" + String.join(" and ", where) + " order by p.id";
            }
            case STATEMENTS -> {
                where.add("s.id > :after");
                situationYearMember(where, filter, "s.state_code");
                if (filter.theme() != null) {
                    where.add("exists (select 1 from position t where t.statement_id = s.id and t.status = 'ACCEPTED'"
                            + " and t.theme = :theme)");
                }
                words(where, "s.body", filter);
                yield """
                        select s.id, s.meeting_symbol, m.meeting_date, m.situation_id, s.speech_index, s.speaker,
                        s.state_code, s.on_behalf_of, s.language, s.body
                        from statement s join meeting m on m.symbol = s.meeting_symbol
                        where\s""" + String.join(" and ", where) + " order by s.id";
            }
        };
        String finalSql = sql;
        boolean merged = dataset == Dataset.RECOMMENDATIONS && where.size() == 1;
        java.io.IOException[] failure = new java.io.IOException[1];
        // One snapshot for both cursors (repeatable read): a re-import committed between their two statements
        // would otherwise give the recommendations of one moment the states of another.
        jdbi.useTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            Query query = handle.createQuery(finalSql).setFetchSize(FETCH_SIZE).bind("after", after);
            if (filter.situation() != null) {
                if (dataset == Dataset.RECOMMENDATIONS) {
                    query.bind("stateUnderReview", stateUnderReview);
                } else {
                    query.bind("situation", filter.situation());
                }
            }
            if (filter.member() != null) {
                query.bind("member", filter.member());
            }
            if (filter.theme() != null && dataset != Dataset.RECOMMENDATIONS) {
                query.bind("theme", filter.theme());
            }
            if (filter.year() != null) {
                query.bind("from", LocalDate.of(filter.year(), 1, 1)).bind("to", LocalDate.of(filter.year() + 1, 1, 1));
            }
            for (int i = 0; i < filter.words().size(); i++) {
                query.bind("w" + i, "%" + filter.words().get(i).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%");
            }
            try (ResultIterator<Object[]> rows = query.map((rs, ctx) -> row(dataset, rs)).iterator();
                    ResultIterator<Object[]> states = merged ? handle.createQuery("""
                            select recommendation_id, state_code from upr_recommendation_state
                            where recommendation_id > :after order by recommendation_id, position""")
                            .setFetchSize(FETCH_SIZE).bind("after", after)
                            .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).iterator() : null) {
                Object[] state = null;
                while (rows.hasNext()) {
                    Object[] row = rows.next();
                    if (merged) {
                        long id = (Long) row[0];
                        List<String> codes = new ArrayList<>(2);
                        while (state != null || states.hasNext()) {
                            if (state == null) {
                                state = states.next();
                            }
                            long of = (Long) state[0];
                            if (of > id) {
                                break;
                            }
                            if (of == id) {
                                codes.add((String) state[1]);
                            }
                            state = null;
                        }
                        row[STATES] = List.copyOf(codes);
                    }
                    if (!sink.accept(row)) {
                        break;
                    }
                }
            } catch (java.io.IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void situationYearMember(List<String> where, ExportFilter filter, String member) {
        if (filter.situation() != null) {
            where.add("m.situation_id = :situation");
        }
        if (filter.year() != null) {
            where.add("m.meeting_date >= :from and m.meeting_date < :to");
        }
        if (filter.member() != null) {
            where.add(member + " = :member");
        }
    }

    /**
     * Every word contained, whatever its case; {@code %} and {@code _} in a word are taken as typed, escaped by
     * {@code !} (JDBI's parser reads a backslash inside quotes as escaping the quote).
     */
    private static void words(List<String> where, String column, ExportFilter filter) {
        for (int i = 0; i < filter.words().size(); i++) {
            where.add("lower(" + column + ") like :w" + i + " escape '!'");
        }
    }

    private static Object[] row(Dataset dataset, ResultSet rs) throws SQLException {
        List<Dataset.Column> columns = dataset.columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = switch (columns.get(i).type()) {
                case NUMBER -> {
                    long n = rs.getLong(i + 1);
                    yield rs.wasNull() ? null : n;
                }
                case TEXT -> rs.getString(i + 1);
                case DATE -> rs.getObject(i + 1, LocalDate.class);
                case LIST -> {
                    String joined = rs.getString(i + 1);
                    yield joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(";"));
                }
            };
        }
        return row;
    }
}
