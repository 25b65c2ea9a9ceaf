package org.councilbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BriefWorkflowTest {
    static Stream<Database> databases() {
        return TestDatabases.all().peek(db -> {
            new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
            try {
                Brief brief = new BriefTextImporter(Membership.shipped()).read(
                        SharedData.read(SharedData.referenceBrief()), BriefTextImporter.Options.NONE).brief();
                new BriefRepository(db.jdbi()).save(brief, "MLI");
            } catch (AppException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String itemText(BriefWorkflow workflow, String item) throws AppException {
        Brief brief = workflow.published("mali").orElseThrow();
        return brief.sections().stream().flatMap(s -> s.items().stream()).filter(i -> i.id().equals(item))
                .findFirst().orElseThrow().paragraphs().get(0).segments().get(0).text();
    }

    /**
     * A reviewer who made the last change to a brief's text does not publish it: another reviewer or an admin does,
     * unless the office turned the rule off. Sending for review and sending back change no text.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aSecondPersonPublishesTheLastChangeUnlessTheOfficeTurnedTheRuleOff(Database db) throws AppException {
        try (db) {
            BriefWorkflow workflow = new BriefWorkflow(db, Membership.shipped());
            int edited = workflow.editItem("mali", 0, "consider-1", "Rita's title", LocalDate.of(2023, 7, 1),
                    "Rita's paragraph.", "rita");
            int review = workflow.submit("mali", edited, "edith");
            assertThatThrownBy(() -> workflow.publish("mali", review, "rita", true))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage("you made the last change to this brief (version 2), so another reviewer or an admin"
                            + " publishes it: a second person reads every change before the public does");
            assertThat(workflow.current("mali").version()).isEqualTo(review); // nothing was saved
            int back = workflow.sendBack("mali", review, "Shorter, please.", "ada", true);
            int again = workflow.submit("mali", back, "rita");
            assertThatThrownBy(() -> workflow.publish("mali", again, "rita", true))
                    .isInstanceOf(NotAllowedException.class);

            // Once the editor has made the latest change, Rita may publish it.
            int fixed = workflow.editItem("mali", again, "consider-1", "Edith's title", LocalDate.of(2023, 7, 1),
                    "Edith's shorter paragraph.", "edith");
            int ready = workflow.submit("mali", fixed, "edith");
            assertThat(workflow.publish("mali", ready, "rita", true)).isEqualTo(ready + 1);
            assertThat(itemText(workflow, "consider-1")).isEqualTo("Edith's shorter paragraph.");

            // An office of one turns the rule off.
            int own = workflow.editItem("mali", ready + 1, "consider-1", "Rita alone", LocalDate.of(2023, 7, 1),
                    "Rita's own paragraph.", "rita");
            int alone = workflow.submit("mali", own, "rita");
            assertThatThrownBy(() -> workflow.publish("mali", alone, "rita", true, false))
                    .isInstanceOf(NotAllowedException.class);
            workflow.publish("mali", alone, "rita", true, true);
            assertThat(itemText(workflow, "consider-1")).isEqualTo("Rita's own paragraph.");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDraftIsPublishedOnlyByAReviewerAfterReviewAndEveryVersionIsKept(Database db) throws AppException {
        try (db) {
            BriefWorkflow workflow = new BriefWorkflow(db, Membership.shipped());
            String before = itemText(workflow, "consider-1");
            int v = workflow.editItem("mali", 0, "consider-1", "A new title", LocalDate.of(2023, 7, 1),
                    "A new first paragraph.\n\nA second one.", "edith");
            assertThat(v).isEqualTo(2);
            assertThat(workflow.current("mali").status()).isEqualTo("draft");
            assertThat(itemText(workflow, "consider-1")).isEqualTo(before); // the public still reads version 1

            assertThatThrownBy(() -> workflow.publish("mali", 2, "edith", true))
                    .hasMessageContaining("only a brief in review");
            int review = workflow.submit("mali", 2, "edith");
            assertThatThrownBy(() -> workflow.publish("mali", review, "edith", false))
                    .hasMessageContaining("only a reviewer or an admin publishes");
            int published = workflow.publish("mali", review, "rita", true);
            assertThat(itemText(workflow, "consider-1")).isEqualTo("A new first paragraph.");

            assertThat(workflow.history("mali")).extracting(r -> r.version() + " " + r.status() + " " + r.author())
                    .containsExactly("4 published rita", "3 review edith", "2 draft edith", "1 published edith");
            assertThat(workflow.diff("mali", 1, 2)).extracting(l -> l.kind() + " " + l.text())
                    .contains("+   1. A new first paragraph.");

            int restored = workflow.restore("mali", published, 1, "edith");
            assertThat(workflow.current("mali").status()).isEqualTo("draft");
            assertThat(workflow.current("mali").brief().sections().get(0).items().get(0).title())
                    .isNotEqualTo("A new title");
            assertThat(restored).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSecondOfTwoEditorsSavingTheSameVersionIsToldAndNothingOfHisIsWritten(Database db) throws AppException {
        try (db) {
            BriefWorkflow workflow = new BriefWorkflow(db, Membership.shipped());
            int v = workflow.editItem("mali", 0, "consider-1", "First", null, "First editor's text.", "amina");
            assertThatThrownBy(() -> workflow.editItem("mali", 0, "consider-1", "Second", null,
                    "Second editor's text.", "bert")).isInstanceOf(BriefConflictException.class)
                    .hasMessageContaining("version " + v);
            assertThat(workflow.history("mali")).hasSize(2);
            assertThat(workflow.current("mali").brief().sections().get(0).items().get(0).title()).isEqualTo("First");
            assertThatThrownBy(() -> workflow.editItem("mali", v, "no-such-item", "T", null, "x", "amina"))
                    .hasMessageContaining("no item 'no-such-item'");
            assertThatThrownBy(() -> workflow.editItem("mali", v, "consider-1", "T", null, " ", "amina"))
                    .hasMessageContaining("needs a text");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNewBriefIsWrittenItemByItemAndAppearsOnceItIsPublished(Database db) throws AppException {
        try (db) {
            BriefWorkflow workflow = new BriefWorkflow(db, Membership.shipped());
            int v = workflow.create("south-sudan", "South Sudan", "SSD", LocalDate.of(2024, 1, 10), "edith");
            assertThat(workflow.published("south-sudan")).isEmpty(); // a draft is not public
            assertThatThrownBy(() -> workflow.addItem("south-sudan", v, SectionKind.CONSIDER, "T",
                    LocalDate.of(2024, 1, 9), null, "Text.", "", "edith")).hasMessageContaining("at least one source");
            assertThatThrownBy(() -> workflow.addItem("south-sudan", v, SectionKind.CONSIDER, "T",
                    LocalDate.of(2024, 1, 9), null, "Text.", "not a symbol", "edith"))
                    .isInstanceOf(AppException.class);
            int added = workflow.addItem("south-sudan", v, SectionKind.CONSIDER, "Commission report on Jonglei",
                    LocalDate.of(2024, 2, 1), null, "The Commission reported killings in Jonglei.\n\nA second one.",
                    "A/HRC/55/26, para 12\nhttps://www.ohchr.org/en/hr-bodies/hrc/co-hr-south-sudan", "edith");
            int published = workflow.publish("south-sudan", workflow.submit("south-sudan", added, "edith"), "rita",
                    true);
            Brief brief = workflow.published("south-sudan").orElseThrow();
            Item item = brief.section(SectionKind.CONSIDER).items().get(0);
            assertThat(item.id()).isEqualTo("consider-1");
            assertThat(item.paragraphs()).hasSize(2);
            assertThat(item.sources()).extracting(src -> src.symbol() + " " + src.paragraph() + " " + src.url())
                    .containsExactly("A/HRC/55/26 para 12 null",
                            "null null https://www.ohchr.org/en/hr-bodies/hrc/co-hr-south-sudan");
            assertThat(brief.asOf()).isEqualTo(LocalDate.of(2024, 2, 1));
            assertThat(published).isEqualTo(4);
            assertThatThrownBy(() -> workflow.create("south-sudan", "Again", null, LocalDate.now(), "edith"))
                    .hasMessageContaining("already a situation");
            assertThatThrownBy(() -> workflow.create("South Sudan!", "Bad id", null, LocalDate.now(), "edith"))
                    .hasMessageContaining("lower-case");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEditorChangesEveryFieldOfAnItemMovesItRemovesOneAndRenamesTheSituation(Database db) throws AppException {
        try (db) {
            BriefWorkflow workflow = new BriefWorkflow(db, Membership.shipped());
            Item comments = workflow.current("mali").brief().section(SectionKind.COMMENTS).items().get(1);
            assertThat(comments.id()).isEqualTo("comments-2");
            String prose = String.join("\n\n", BriefRoutes.paragraphs(new BriefComposer(Membership.shipped())
                    .compose(workflow.current("mali").brief()), "item-comments-2"));
            assertThat(prose).contains("The A3, Albania, Ecuador, France, Japan, Switzerland and the UK called for");

            // The text as the form shows it, saved back: the member lists become structure again.
            int v = workflow.editItem("mali", 0, "comments-2", new BriefWorkflow.ItemForm(SectionKind.COMMENTS,
                    comments.title(), comments.date(), "Peace and Security", prose.replace("the UK called",
                    "the United Kingdom called"), "S/PV.9350\nhttps://press.un.org/en/2023/sc15321.doc.htm"),
                    "edith");
            Item edited = workflow.current("mali").brief().section(SectionKind.COMMENTS).items().get(1);
            assertThat(edited.subHeading()).isEqualTo("Peace and Security");
            assertThat(edited.sources()).extracting(src -> src.symbol() + " " + src.url())
                    .containsExactly("S/PV.9350 null", "null https://press.un.org/en/2023/sc15321.doc.htm");
            assertThat(edited.paragraphs().get(0).segments()).filteredOn(Segment::isMembers)
                    .extracting(Segment::members).contains(java.util.List.of("A3", "ALB", "ECU", "FRA", "JPN", "CHE",
                            "GBR"));
            assertThat(edited.meeting()).isEqualTo(comments.meeting());

            // Moved to another section: a new id at its end; removed: gone, and an old version brings it back.
            int moved = workflow.editItem("mali", v, "comments-2", new BriefWorkflow.ItemForm(SectionKind.CONSIDER,
                    "Moved", LocalDate.of(2023, 6, 16), "", "A short text.", "S/PV.9350"), "edith");
            Brief afterMove = workflow.current("mali").brief();
            assertThat(afterMove.section(SectionKind.COMMENTS).items()).extracting(Item::id)
                    .doesNotContain("comments-2");
            Item last = afterMove.section(SectionKind.CONSIDER).items().getLast();
            assertThat(last.title()).isEqualTo("Moved");
            assertThat(last.id()).startsWith("consider-");
            assertThat(last.subHeading()).isNull();
            int removed = workflow.removeItem("mali", moved, last.id(), "edith");
            assertThat(workflow.current("mali").brief().section(SectionKind.CONSIDER).items()).extracting(Item::id)
                    .doesNotContain(last.id());
            assertThatThrownBy(() -> workflow.removeItem("mali", removed, "nothing-9", "edith"))
                    .hasMessageContaining("no item 'nothing-9'");

            // Order within a section: an item moves one place up or down, not past either end.
            java.util.List<String> before = workflow.current("mali").brief().section(SectionKind.CONSIDER).items()
                    .stream().map(Item::id).toList();
            int movedUp = workflow.moveItem("mali", removed, before.get(1), -1, "edith");
            assertThat(workflow.current("mali").brief().section(SectionKind.CONSIDER).items()).extracting(Item::id)
                    .startsWith(before.get(1), before.get(0));
            assertThatThrownBy(() -> workflow.moveItem("mali", movedUp, before.get(1), -1, "edith"))
                    .hasMessageContaining("already first");
            int introduced = workflow.editSituation("mali", movedUp, "Mali", "MLI", "First paragraph.\n\n  Second"
                    + "\n paragraph.  ", "edith");
            assertThat(workflow.current("mali").brief().intro()).containsExactly("First paragraph.",
                    "Second paragraph.");
            int renamed = workflow.editSituation("mali", introduced, "Republic of Mali", "MLI", "edith");
            assertThat(workflow.current("mali").brief().intro()).hasSize(2); // null keeps the introduction
            assertThat(workflow.current("mali").brief().situationName()).isEqualTo("Republic of Mali");
            assertThatThrownBy(() -> workflow.editSituation("mali", renamed, " ", null, "edith"))
                    .hasMessageContaining("needs a name");
            assertThat(workflow.history("mali")).extracting(BriefRevision::note).contains("removed item "
                    + last.id(), "named the situation Republic of Mali (MLI)");
            assertThatThrownBy(() -> workflow.editItem("mali", renamed, "consider-1", new BriefWorkflow.ItemForm(
                    null, "T", null, null, "Text.", "S/PV.9350"), "edith")).hasMessageContaining("needs a date");
            assertThatThrownBy(() -> workflow.editItem("mali", renamed, "consider-1", new BriefWorkflow.ItemForm(
                    null, "T", LocalDate.of(1939, 9, 1), null, "Text.", "S/PV.9350"), "edith"))
                    .hasMessageContaining("in 1946 or later, when the Security Council first met");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFormSavedOnceAddsOneItemAndAReviewersCommentStaysOpenUntilTheBriefIsSentAgain(Database db)
            throws AppException {
        try (db) {
            BriefWorkflow workflow = new BriefWorkflow(db, Membership.shipped());
            BriefWorkflow.ItemForm form = new BriefWorkflow.ItemForm(SectionKind.CONSIDER, "OHCHR on Moura",
                    LocalDate.of(2023, 5, 12), null, "OHCHR reported on Moura.", "https://www.ohchr.org/moura");
            BriefWorkflow.Added added = workflow.addItem("mali", 0, form, "form-0123456789", "edith");
            // The same form's token again, even from the version it was made from: the item it added, not a second.
            assertThatThrownBy(() -> workflow.addItem("mali", added.version(), form, "form-0123456789", "edith"))
                    .isInstanceOfSatisfying(DuplicateItemException.class, e -> {
                        assertThat(e.item()).isEqualTo(added.item());
                        assertThat(e.resent()).isTrue();
                    });
            assertThatThrownBy(() -> workflow.addItem("mali", 0, form, "form-0123456789", "edith"))
                    .isInstanceOf(DuplicateItemException.class);
            // Another form, same section, title and date: refused, naming the item.
            assertThatThrownBy(() -> workflow.addItem("mali", added.version(), form, "form-abcdefabcdef", "edith"))
                    .isInstanceOfSatisfying(DuplicateItemException.class, e -> {
                        assertThat(e.item()).isEqualTo(added.item());
                        assertThat(e.resent()).isFalse();
                    });
            assertThat(workflow.current("mali").brief().section(SectionKind.CONSIDER).items())
                    .filteredOn(i -> i.title().equals("OHCHR on Moura")).hasSize(1);

            // Each field's problem, not only the first.
            assertThatThrownBy(() -> workflow.addItem("mali", added.version(), new BriefWorkflow.ItemForm(null, " ",
                    null, null, "", "S/PV.9350\nnonsense"), null, "edith"))
                    .isInstanceOfSatisfying(FormException.class, e -> assertThat(e.errors()).containsOnlyKeys(
                            "section", "title", "date", "body", "sources"));

            int asOf = workflow.setAsOf("mali", added.version(), LocalDate.of(2023, 9, 1), "edith");
            Brief dated = workflow.current("mali").brief();
            assertThat(dated.asOf()).isEqualTo(LocalDate.of(2023, 9, 1));
            assertThat(dated.updated()).isEqualTo(Updated.on(LocalDate.of(2023, 9, 1)));
            assertThatThrownBy(() -> workflow.setAsOf("mali", asOf, LocalDate.of(2023, 5, 1), "edith"))
                    .isInstanceOf(FormException.class).hasMessageContaining("is dated");

            int review = workflow.submit("mali", asOf, "edith");
            assertThatThrownBy(() -> workflow.sendBack("mali", review, "Not mine to send back.", "edith", false))
                    .isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> workflow.sendBack("mali", review, " ", "rita", true))
                    .isInstanceOf(FormException.class);
            int back = workflow.sendBack("mali", review, "Name the Wagner Group.", "rita", true);
            assertThat(workflow.current("mali").status()).isEqualTo(BriefRevision.SENT_BACK);
            assertThat(workflow.openComment("mali")).hasValueSatisfying(r -> {
                assertThat(r.comment()).isEqualTo("Name the Wagner Group.");
                assertThat(r.author()).isEqualTo("rita");
            });
            assertThatThrownBy(() -> workflow.publish("mali", back, "rita", true))
                    .hasMessageContaining("only a brief in review");
            int edited = workflow.editItem("mali", back, added.item(), "OHCHR on Moura and the Wagner Group", null,
                    "OHCHR reported on Moura.", "edith");
            assertThat(workflow.statusLabel("mali", workflow.current("mali").status())).isEqualTo("sent back");
            int again = workflow.submit("mali", edited, "edith");
            assertThat(workflow.openComment("mali")).isEmpty();
            assertThat(workflow.statusLabel("mali", workflow.current("mali").status())).isEqualTo("in review");
            workflow.publish("mali", again, "rita", true);

            workflow.setWordLimits("mali", java.util.Map.of(SectionKind.COMMENTS, "300", SectionKind.FAMILIAR, ""),
                    "edith");
            assertThat(workflow.wordLimits("mali")).containsExactly(java.util.Map.entry(SectionKind.COMMENTS, 300));
            assertThatThrownBy(() -> workflow.setWordLimits("mali", java.util.Map.of(SectionKind.COMMENTS, "0"),
                    "edith")).isInstanceOfSatisfying(FormException.class, e -> assertThat(e.errors())
                            .containsOnlyKeys("limit-comments"));
            assertThat(workflow.wordLimits("mali")).containsEntry(SectionKind.COMMENTS, 300);
        }
    }
}
