package org.councilbrief.bench;

import java.nio.file.Path;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;

/**
 * The data of {@code bench/export.sh}: UPR Info's recommendations of sessions 1 to 12 (21,356 real rows from
 * ../shared/data/upr-themes) imported as an editor imports them, then copied under the same reviews until there are
 * at least the rows asked for (100,000 by default), each copy with its recommending states. Prints the count.
 * Usage: {@code ExportBenchData JDBC_URL [ROWS]}.
 */
public final class ExportBenchData {
    private ExportBenchData() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long wanted = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        Path csv = Path.of(System.getProperty("councilbrief.shared", "../shared"), "data", "upr-themes",
                "upr_recommendations_sessions_01-12.csv");
        try (Database database = Database.open(url)) {
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
            long count = count(database);
            if (count == 0) {
                new Imports(database).importFile(csv, "upr-csv", ImportOptions.none());
                count = count(database);
            }
            long original = database.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from upr_recommendation where position < 1000000").mapTo(Long.class).one());
            for (int k = (int) (count / original); count < wanted; k++) {
                int copy = k;
                database.jdbi().useTransaction(h -> {
                    h.createUpdate("""
                            insert into upr_recommendation (review_id, position, paragraph, body, response, issues)
                            select review_id, position + :k * 1000000, paragraph, body, response, issues
                            from upr_recommendation where position < 1000000""").bind("k", copy).execute();
                    h.createUpdate("""
                            insert into upr_recommendation_state (recommendation_id, position, state_code)
                            select n.id, s.position, s.state_code from upr_recommendation n
                            join upr_recommendation o on o.review_id = n.review_id and o.position = n.position - :k * 1000000
                            join upr_recommendation_state s on s.recommendation_id = o.id
                            where n.position >= :k * 1000000 and n.position < (:k + 1) * 1000000""")
                            .bind("k", copy).execute();
                });
                count = count(database);
            }
            System.out.println(count);
        }
    }

    private static long count(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from upr_recommendation")
                .mapTo(Long.class).one());
    }
}
