package org.councilbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.council.Membership;
import org.councilbrief.upr.UprParticipant;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprReview;
import org.junit.jupiter.api.Test;

/** One test per rule of DESIGN.md "The brief", on small hand-made briefs. */
class BriefComposerTest {
    private final BriefComposer composer = new BriefComposer(Membership.shipped());
    private static final LocalDate JUNE_2023 = LocalDate.of(2023, 6, 16);

    private static Item item(String id, String title, LocalDate date, String subHeading, Paragraph... paragraphs) {
        return new Item(id, title, date, subHeading, true, List.of(paragraphs), List.of(new Source("S/PV.9350", null,
                null)), null, null);
    }

    private static Brief brief(LocalDate asOf, List<UprReview> reviews, Section... sections) {
        List<Section> all = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            all.add(List.of(sections).stream().filter(s -> s.kind() == kind).findFirst()
                    .orElse(new Section(kind, List.of())));
        }
        return new Brief("mali", "Mali", asOf, Updated.on(asOf), List.of("Intro."), all, reviews);
    }

    private static Paragraph members(String before, List<String> refs, String after) {
        List<Segment> segments = new ArrayList<>();
        if (!before.isEmpty()) {
            segments.add(Segment.text(before));
        }
        segments.add(Segment.members(refs, false));
        segments.add(Segment.text(after));
        return new Paragraph(segments);
    }

    @Test
    void sectionsComeInTheirFixedOrderWithTheirTitles() {
        BriefView view = composer.compose(brief(JUNE_2023, List.of()));
        assertThat(view.sections()).extracting(BriefView.SectionView::title).containsExactly(
                "Relevant information for the Security Council to consider",
                "Information familiar to the Security Council", "Comments by Members of the Security Council",
                "References in Security Council outcomes (not verbatim)");
    }

    @Test
    void countsTheSectionsWordsWithSubHeadingsAndWithoutListNumbers() {
        Section familiar = new Section(SectionKind.FAMILIAR, List.of(
                item("f1", "Briefing", JUNE_2023, "Briefing in the Security Council",
                        Paragraph.of("One two three."), Paragraph.of("Four  five\tsix seven."))));
        BriefView view = composer.compose(brief(JUNE_2023, List.of(), familiar));
        assertThat(view.sections().get(1).wordCount()).isEqualTo(5 + 3 + 4);
        assertThat(view.sections().get(1).heading())
                .isEqualTo("Information familiar to the Security Council [12 words]");
    }

    @Test
    void keyTopicsShowTitleAndDateAndJumpToTheItem() {
        Section consider = new Section(SectionKind.CONSIDER, List.of(
                item("c1", "Reporting by Human Rights Watch", LocalDate.of(2023, 7, 24), null, Paragraph.of("Text.")),
                item("c2", "Undated note.", null, null, Paragraph.of("Text."))));
        BriefView view = composer.compose(brief(LocalDate.of(2023, 7, 24), List.of(), consider));
        var topics = view.keyTopics().get(0).topics();
        assertThat(topics.get(0).text()).isEqualTo("Reporting by Human Rights Watch (24 July 2023).");
        assertThat(topics.get(0).anchor()).isEqualTo(view.sections().get(0).blocks().get(0).paragraphs().get(0).anchor());
        assertThat(topics.get(1).text()).isEqualTo("Undated note.");
    }

    @Test
    void meetingKeyTopicsNameWhoReferredToHumanRights() {
        Section comments = new Section(SectionKind.COMMENTS, List.of(
                item("m1", "Meeting", JUNE_2023, null, members("", List.of("USA", "ALB", "GBR"), " called for X."),
                        members("", List.of("MLT"), " noted Y."))));
        BriefView view = composer.compose(brief(JUNE_2023, List.of(), comments));
        assertThat(view.keyTopics().get(2).topics().get(0).text())
                .isEqualTo("Meeting (16 June 2023): Albania, Malta, the UK and the US.");
    }

    @Test
    void saysAllCouncilMembersWhenAllFifteenReferred() {
        Section comments = new Section(SectionKind.COMMENTS, List.of(item("m1", "Meeting", JUNE_2023, null,
                members("", List.of("A3", "ALB", "BRA", "ECU", "FRA", "JPN", "MLT"), " called for X."),
                members("", List.of("CHE", "ARE", "GBR", "USA", "CHN", "RUS"), " noted Y."))));
        BriefView view = composer.compose(brief(JUNE_2023, List.of(), comments));
        assertThat(view.keyTopics().get(2).topics().get(0).text())
                .isEqualTo("Meeting (16 June 2023): All Council members.");
    }

    @Test
    void writesMemberListsInProseWithACapitalAtTheStartOfASentence() {
        Section comments = new Section(SectionKind.COMMENTS, List.of(item("m1", "Meeting", JUNE_2023, null,
                members("On 16 June 2023, the Council met. ", List.of("GBR", "A3", "CHE"), " called for accountability."),
                members("Members such as ", List.of("USA", "JPN"), " spoke."))));
        BriefView view = composer.compose(brief(JUNE_2023, List.of(), comments));
        var paragraphs = view.sections().get(2).blocks().get(0).paragraphs();
        assertThat(paragraphs.get(0).text()).isEqualTo(
                "On 16 June 2023, the Council met. The A3, Switzerland and the UK called for accountability.");
        assertThat(paragraphs.get(1).text()).isEqualTo("Members such as Japan and the US spoke.");
    }

    private static UprReview review() {
        return new UprReview("MLI-2023-05-02", "MLI", 4, 43, LocalDate.of(2023, 5, 2), null, List.of(
                new UprRecommendation("1.1", "Abolish the death penalty.", List.of("CHE", "MLT"), null),
                new UprRecommendation("1.2", "Protect journalists.", List.of("USA"), null),
                new UprRecommendation("1.3", "Ratify the treaty.", List.of("DEU"), null),
                new UprRecommendation("1.4", "Guarantee education.", List.of("IND"), null)),
                List.of(new UprParticipant("RUS", "praised the efforts made.")));
    }

    private static Section uprSection() {
        return new Section(SectionKind.COMMENTS, List.of(new Item("u1", "UPR recommendations for Mali",
                LocalDate.of(2023, 5, 2), null, true, List.of(Paragraph.of("Recommendations follow:")),
                List.of(new Source(null, null, "https://www.ohchr.org")), null, "MLI-2023-05-02")));
    }

    @Test
    void theUprBlockListsMembersOnTheBriefsDateWithTheirRecommendationsAndANoteForThoseThatDidNotRecommend() {
        BriefView view = composer.compose(brief(JUNE_2023, List.of(review()), uprSection()));
        var upr = view.sections().get(2).blocks().get(0).paragraphs().get(0).upr();
        assertThat(upr.members()).extracting(BriefView.UprMember::label).containsExactly("Malta", "Russia",
                "Switzerland", "USA");
        assertThat(upr.members().get(0).recommendations()).containsExactly("Abolish the death penalty.");
        assertThat(upr.members().get(1).note()).isEqualTo(
                "Russia did not offer recommendations, but praised the efforts made.");
        assertThat(view.keyTopics().get(2).topics().get(0).text())
                .isEqualTo("UPR recommendations for Mali (2 May 2023): 4 of the Security Council's members.");
        assertThat(view.sections().get(2).heading())
                .isEqualTo("Comments by Members of the Security Council [2 words + UPR recommendations]");
    }

    @Test
    void theUprBlockFollowsTheCouncilOfTheBriefsDateNotOfTheReview() {
        BriefView in2022 = composer.compose(brief(LocalDate.of(2022, 6, 1), List.of(review()), uprSection()));
        var upr = in2022.sections().get(2).blocks().get(0).paragraphs().get(0).upr();
        assertThat(upr.members()).extracting(BriefView.UprMember::code).containsExactly("IND", "RUS", "USA");
    }

    @Test
    void theUpdatedLineShowsTheYear() {
        BriefView view = composer.compose(brief(JUNE_2023, List.of()));
        assertThat(view.updatedLine()).isEqualTo("Updated: 16 June 2023");
    }

    @Test
    void citedSymbolsBecomeLinks() {
        Section outcomes = new Section(SectionKind.OUTCOMES, List.of(item("o1", "Sanctions", JUNE_2023, null,
                Paragraph.of("Criteria [S/RES/2374(2017), OP8] apply."))));
        BriefView view = composer.compose(brief(JUNE_2023, List.of(), outcomes));
        var spans = view.sections().get(3).blocks().get(0).paragraphs().get(0).spans();
        assertThat(spans).extracting(BriefView.Span::url).containsExactly(null, "https://undocs.org/S/RES/2374(2017)",
                null);
    }

    @Test
    void theSourcesItsTextDoesNotCiteFollowTheItemLinked() {
        Item item = new Item("f1", "Briefing", JUNE_2023, null, true, List.of(Paragraph.of("The report"
                + " (S/2023/402) recommended an inquiry [para 19]."), Paragraph.of("Mali rejected it.")), List.of(
                new Source("S/2023/402", "para 19", null), new Source("S/2023/402", "para 20", null),
                new Source("S/PV.9350", null, null), new Source(null, null, "https://www.ohchr.org/moura")), null,
                null);
        BriefView view = composer.compose(brief(JUNE_2023, List.of(), new Section(SectionKind.FAMILIAR,
                List.of(item))));
        var paragraphs = view.sections().get(1).blocks().get(0).paragraphs();
        assertThat(paragraphs.get(0).sources()).isNull(); // after the item, not inside it
        assertThat(paragraphs.get(1).sources()).containsExactly(
                new BriefView.SourceView("S/2023/402", "para 20", "S/2023/402, para 20", "https://undocs.org/S/2023/402"),
                new BriefView.SourceView("S/PV.9350", null, "S/PV.9350", "https://undocs.org/S/PV.9350"),
                new BriefView.SourceView(null, null, "https://www.ohchr.org/moura", "https://www.ohchr.org/moura"));
        // sources are references, not the section's words
        assertThat(view.sections().get(1).wordCount()).isEqualTo(8 + 3);
    }
}
