package org.councilbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BriefRepositoryTest {
    static Stream<Database> databases() {
        return TestDatabases.all();
    }

    private static Brief reference() throws Exception {
        return new BriefTextImporter(Membership.shipped())
                .read(SharedData.read(SharedData.referenceBrief()), BriefTextImporter.Options.NONE).brief();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void savesAndReadsBackTheReferenceBriefAsStructure(Database database) throws Exception {
        try (database) {
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
            BriefRepository briefs = new BriefRepository(database.jdbi());
            Brief brief = reference();

            briefs.save(brief, "MLI");
            briefs.save(brief, "MLI");

            assertThat(briefs.find("mali")).contains(brief);
            int items = database.jdbi().withHandle(h -> h.createQuery("select count(*) from brief_item")
                    .mapTo(Integer.class).one());
            assertThat(items).isEqualTo(9);
            int segments = database.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from brief_segment where members is not null").mapTo(Integer.class).one());
            assertThat(segments).as("member lists are stored as references, not text").isGreaterThan(15);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedSaveWritesNothing(Database database) throws Exception {
        try (database) {
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
            Brief brief = reference();
            UprReview review = brief.uprReviews().get(0);
            UprReview broken = new UprReview(review.id(), review.stateUnderReview(), 4, 43, review.date(), null,
                    List.of(new org.councilbrief.upr.UprRecommendation(null, "x", List.of("XXX"), null)), List.of());
            Brief withBrokenReview = new Brief(brief.situation(), brief.situationName(), brief.asOf(), brief.updated(),
                    brief.intro(), brief.sections(), List.of(broken));

            assertThatThrownBy(() -> new BriefRepository(database.jdbi()).save(withBrokenReview, "MLI"))
                    .isInstanceOf(RuntimeException.class);

            assertThat(new BriefRepository(database.jdbi()).find("mali")).isEmpty();
            assertThat(new UprRepository(database.jdbi()).find(review.id())).isEmpty();
            int situations = database.jdbi().withHandle(h -> h.createQuery("select count(*) from situation")
                    .mapTo(Integer.class).one());
            assertThat(situations).isZero();
        }
    }
}
