package org.councilbrief.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.councilbrief.AppException;
import org.councilbrief.db.Database;
import org.councilbrief.document.Symbols;
import org.councilbrief.situation.Situation;
import org.councilbrief.situation.SituationRepository;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;

/**
 * The Geneva–New York view: for a member and a situation, the member's UPR recommendations to the situation's state
 * beside its positions at the Council's meetings on the situation, theme by theme (Council scheme), each with a link
 * to its source.
 */
public final class GenevaNewYork {
    /** A recommendation made in Geneva. */
    public record Recommendation(String review, String paragraph, String text, String response, String url) {
    }

    /**
     * A position taken in New York.
     *
     * @param index the speech's index in the meeting record, or the paragraph's in the press release
     * @param pressRelease the press summary the position was read in, or null for the meeting record
     * @param url the source's address: the press release's, or the record's
     */
    public record Statement(String meeting, String date, String pressRelease, int index, String act, String evidence,
            String status, String url) {
    }

    /** One theme: where it was raised, and the sources. */
    public record Row(String theme, String where, List<Recommendation> geneva, List<Statement> newYork) {
    }

    private final Database database;
    private final ThemeCrosswalk crosswalk = new ThemeCrosswalk();

    public GenevaNewYork(Database database) {
        this.database = database;
    }

    public List<Row> compare(String member, String situationId) throws AppException {
        Situation situation = new SituationRepository(database.jdbi()).find(situationId).orElseThrow(
                () -> new AppException("no situation '" + situationId + "' in the database"));
        if (situation.stateCode() == null) {
            throw new AppException("the situation '" + situationId + "' is not about one state, so it has no UPR");
        }
        return rows(member, new UprRepository(database.jdbi()).reviewsOf(situation.stateCode()),
                new StatementRepository(database.jdbi()).positionsOf(member, situationId),
                r -> crosswalk.themes(r.text(), r.issues()));
    }

    /**
     * The view from what the caller has read: the situation state's reviews, the member's positions at the meetings on
     * the situation, and the Council themes of a recommendation. Themes raised in both places come first, then Geneva
     * only, then New York only.
     */
    public static List<Row> rows(String member, List<UprReview> reviews,
            List<StatementRepository.MeetingPosition> positions,
            java.util.function.Function<UprRecommendation, java.util.Set<String>> themes) {
        Map<String, List<Recommendation>> geneva = new TreeMap<>();
        for (UprReview review : reviews) {
            String url = review.report() == null ? null : Symbols.tryParse(review.report()).map(s -> s.url().toString())
                    .orElse(null);
            for (UprRecommendation r : review.recommendations()) {
                if (!r.recommendingStates().contains(member)) {
                    continue;
                }
                for (String theme : themes.apply(r)) {
                    geneva.computeIfAbsent(theme, t -> new ArrayList<>()).add(new Recommendation(review.id(),
                            r.paragraph(), r.text(), r.response(), url));
                }
            }
        }
        Map<String, List<Statement>> newYork = new TreeMap<>();
        for (StatementRepository.MeetingPosition p : positions) {
            String url = Symbols.tryParse(p.source()).map(s -> s.url().toString()).orElse(null);
            newYork.computeIfAbsent(p.position().theme(), t -> new ArrayList<>()).add(new Statement(p.meeting(),
                    p.date().toString(), p.pressRelease(), p.index(), p.position().act().id(), p.position().evidence(),
                    p.position().status().name().toLowerCase(java.util.Locale.ROOT), url));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String theme : union(geneva.keySet(), newYork.keySet())) {
            List<Recommendation> g = geneva.getOrDefault(theme, List.of());
            List<Statement> n = newYork.getOrDefault(theme, List.of());
            String where = !g.isEmpty() && !n.isEmpty() ? "both" : !g.isEmpty() ? "geneva" : "new-york";
            rows.put(theme, new Row(theme, where, g, n));
        }
        List<Row> out = new ArrayList<>(rows.values());
        out.sort(java.util.Comparator.comparing((Row r) -> switch (r.where()) {
            case "both" -> 0;
            case "geneva" -> 1;
            default -> 2;
        }).thenComparing(Row::theme));
        return out;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
