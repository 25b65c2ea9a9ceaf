package org.councilbrief.upr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** UPR reviews with their recommendations, recommending states and participants. */
public final class UprRepository {
    private final Jdbi jdbi;

    public UprRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes a review, replacing any earlier version of it; one transaction. */
    public void save(UprReview review) {
        jdbi.useTransaction(handle -> save(handle, review));
    }

    /** Writes a review inside the caller's transaction: saving the same review twice changes nothing. */
    public static void save(Handle handle, UprReview review) {
        // Each earlier recommendation's states by the primary key's prefix: H2 runs "recommendation_id in (select
        // …)" as a scan of the whole table, which inside a large import transaction (every deleted row still to be
        // checked against the transaction's undo log) made a re-import of UPR Info's export take minutes.
        List<Long> earlier = handle.createQuery("select id from upr_recommendation where review_id = :id")
                .bind("id", review.id()).mapTo(Long.class).list();
        if (!earlier.isEmpty()) {
            org.jdbi.v3.core.statement.PreparedBatch delete = handle.prepareBatch(
                    "delete from upr_recommendation_state where recommendation_id = ?");
            earlier.forEach(id -> delete.add(id));
            delete.execute();
        }
        handle.createUpdate("delete from upr_recommendation where review_id = :id").bind("id", review.id()).execute();
        handle.createUpdate("delete from upr_participant where review_id = :id").bind("id", review.id()).execute();
        int updated = handle.createUpdate("""
                update upr_review set state_under_review = :s, cycle = :cycle, session = :session, review_date = :date,
                report = :report, source = :source where id = :id""")
                .bind("s", review.stateUnderReview()).bindMethods(review).execute();
        if (updated == 0) {
            handle.createUpdate("""
                    insert into upr_review (id, state_under_review, cycle, session, review_date, report, source)
                    values (:id, :s, :cycle, :session, :date, :report, :source)""")
                    .bind("s", review.stateUnderReview()).bindMethods(review).execute();
        }
        int position = 0;
        org.jdbi.v3.core.statement.PreparedBatch states = handle.prepareBatch(
                "insert into upr_recommendation_state (recommendation_id, position, state_code) values (?, ?, ?)");
        for (UprRecommendation r : review.recommendations()) {
            long id = handle.createUpdate("""
                    insert into upr_recommendation (review_id, position, paragraph, body, response, issues)
                    values (:review, :position, :paragraph, :text, :response, :issueList)""")
                    .bind("review", review.id()).bind("position", position++).bindMethods(r)
                    .bind("issueList", r.issues().isEmpty() ? null : String.join(";", r.issues()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int statePosition = 0;
            for (String code : r.recommendingStates()) {
                states.bind(0, id).bind(1, statePosition++).bind(2, code).add();
            }
        }
        if (states.size() > 0) {
            states.execute();
        }
        for (UprParticipant p : review.participants()) {
            handle.createUpdate("insert into upr_participant (review_id, state_code, note) values (?, ?, ?)")
                    .bind(0, review.id()).bind(1, p.code()).bind(2, p.note()).execute();
        }
    }

    public Optional<UprReview> find(String id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    public static Optional<UprReview> find(Handle handle, String id) {
        record Row(String id, String state, int cycle, int session, java.time.LocalDate date, String report,
                String source) {
        }
        Optional<Row> row = handle.createQuery("select id, state_under_review, cycle, session, review_date, report,"
                + " source from upr_review where id = :id")
                .bind("id", id).map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, java.time.LocalDate.class), rs.getString(6), rs.getString(7)))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<String>> states = new LinkedHashMap<>();
        handle.createQuery("""
                select s.recommendation_id, s.state_code from upr_recommendation_state s
                join upr_recommendation r on r.id = s.recommendation_id where r.review_id = :id
                order by s.recommendation_id, s.position""").bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> states.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<UprRecommendation> recommendations = handle.createQuery(
                "select id, paragraph, body, response, issues from upr_recommendation where review_id = :id order by position")
                .bind("id", id).map((rs, ctx) -> new UprRecommendation(rs.getString(2), rs.getString(3),
                        states.getOrDefault(rs.getLong(1), List.of()), rs.getString(4),
                        rs.getString(5) == null ? List.of() : List.of(rs.getString(5).split(";"))))
                .list();
        List<UprParticipant> participants = handle.createQuery(
                "select state_code, note from upr_participant where review_id = :id order by state_code")
                .bind("id", id).map((rs, ctx) -> new UprParticipant(rs.getString(1), rs.getString(2))).list();
        Row r = row.get();
        return Optional.of(new UprReview(r.id(), r.state(), r.cycle(), r.session(), r.date(), r.report(),
                recommendations, participants, r.source()));
    }

    /** Every review of a state, oldest first. */
    public List<UprReview> reviewsOf(String stateUnderReview) {
        return jdbi.withHandle(handle -> {
            List<String> ids = handle.createQuery(
                    "select id from upr_review where state_under_review = :s order by review_date, id")
                    .bind("s", stateUnderReview).mapTo(String.class).list();
            List<UprReview> reviews = new ArrayList<>();
            for (String id : ids) {
                find(handle, id).ifPresent(reviews::add);
            }
            return reviews;
        });
    }
}
