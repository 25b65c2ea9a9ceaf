package org.councilbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a save answers, on H2 and PostgreSQL: only a version saved over is a conflict; a value the database refuses (too
 * long, a NUL) is a clear refusal that writes nothing; control characters typed into a form never reach the stored
 * brief; a brief started without an id is refused.
 */
class BriefSavesTest {
    static Stream<Database> databases() {
        return TestDatabases.all().peek(db -> new StateRepository(db.jdbi()).syncShipped(Membership.shipped()));
    }

    private static Brief named(String name) {
        List<Section> sections = java.util.Arrays.stream(SectionKind.values()).map(k -> new Section(k, List.of()))
                .toList();
        LocalDate day = LocalDate.of(2024, 1, 10);
        return new Brief("somewhere", name, day, Updated.on(day), List.of(), sections, List.of());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyAVersionSavedOverIsAConflictAndAValueTheDatabaseRefusesIsSaidSo(Database db) throws AppException {
        try (db) {
            BriefRevisionRepository revisions = new BriefRevisionRepository(db.jdbi());
            Brief brief = named("Somewhere");
            assertThat(revisions.add("somewhere", 0, BriefRevision.DRAFT, brief, null, BriefJson.write(brief), "edith",
                    "started")).isEqualTo(1);
            // A name longer than its column, past every form's check: not "someone saved this brief".
            Brief tooLong = named("N".repeat(FieldLimits.SITUATION_NAME + 1));
            assertThatThrownBy(() -> revisions.add("somewhere", 1, BriefRevision.DRAFT, tooLong, null,
                    BriefJson.write(tooLong), "edith", "renamed"))
                    .isInstanceOf(BriefRevisionRepository.BriefSaveException.class)
                    .isNotInstanceOf(BriefConflictException.class).hasMessageContaining("nothing was saved");
            assertThat(revisions.history("somewhere")).hasSize(1);
            // A save from version 1 after someone saved version 2 is the one conflict.
            revisions.add("somewhere", 1, BriefRevision.DRAFT, brief, null, BriefJson.write(brief), "rita", "saved");
            assertThatThrownBy(() -> revisions.add("somewhere", 1, BriefRevision.DRAFT, brief, null,
                    BriefJson.write(brief), "edith", "late")).isInstanceOf(BriefConflictException.class)
                    .hasMessageContaining("someone saved this brief (version 2) after you opened version 1");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNulOrABellTypedIntoTheBriefIsNotKeptAndABriefNeedsAnId(Database db) throws AppException {
        try (db) {
            BriefWorkflow workflow = new BriefWorkflow(db, Membership.shipped());
            assertThatThrownBy(() -> workflow.create(null, "Somewhere", null, LocalDate.of(2024, 1, 10), "edith"))
                    .isInstanceOf(FormException.class).hasMessageContaining("give the situation an id");
            int situations = db.jdbi().withHandle(h -> h.createQuery("select count(*) from situation")
                    .mapTo(Integer.class).one());
            assertThat(situations).isZero();
            // What the forms' door gives the workflow: the text as org.councilbrief.Forms cleaned it.
            String name = org.councilbrief.Forms.blank("Some\u0000where\u0001 \u0007else");
            int v = workflow.create("somewhere", name, null, LocalDate.of(2024, 1, 10), "edith");
            workflow.addItem("somewhere", v, SectionKind.CONSIDER, org.councilbrief.Forms.blank("Talks\u0007 resumed"),
                    LocalDate.of(2024, 1, 10), null, org.councilbrief.Forms.lines("A text\u0000.\r\n\r\nAnother."),
                    org.councilbrief.Forms.lines("S/PV.9350\u0001\r\nhttps://example.org/a\u0000b"), "edith");
            Brief stored = new BriefRepository(db.jdbi()).find("somewhere").orElseThrow();
            assertThat(stored.situationName()).isEqualTo("Somewhere else");
            Item item = stored.section(SectionKind.CONSIDER).items().get(0);
            assertThat(item.title()).isEqualTo("Talks resumed");
            assertThat(item.sources()).extracting(s -> s.url() != null ? s.url() : s.symbol())
                    .containsExactly("S/PV.9350", "https://example.org/ab");
            // A version stored before the door cleaned its fields is read without them.
            db.jdbi().useHandle(h -> h.execute("update brief_revision set body = replace(body, 'Talks resumed',"
                    + " 'Talks\\u0001 resumed')"));
            int old = db.jdbi().withHandle(h -> h.createQuery("select count(*) from brief_revision where"
                    + " position('Talks\\u0001' in body) > 0").mapTo(Integer.class).one());
            assertThat(old).isPositive();
            assertThat(workflow.current("somewhere").brief().section(SectionKind.CONSIDER).items().get(0).title())
                    .isEqualTo("Talks resumed");
        }
    }
}
