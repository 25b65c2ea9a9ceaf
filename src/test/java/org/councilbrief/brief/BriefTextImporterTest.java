package org.councilbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.junit.jupiter.api.Test;

class BriefTextImporterTest {
    private final BriefTextImporter importer = new BriefTextImporter(Membership.shipped());
    private final BriefComposer composer = new BriefComposer(Membership.shipped());
    private final String reference = SharedData.read(SharedData.referenceBrief());

    private BriefImport read(String text) throws AppException {
        return importer.read(text, BriefTextImporter.Options.NONE);
    }

    @Test
    void computesTheFourWordCountsOfTheReference() throws AppException {
        BriefView view = composer.compose(read(reference).brief());
        assertThat(view.sections()).extracting(BriefView.SectionView::wordCount).containsExactly(108, 513, 551, 45);
        assertThat(view.sections().get(2).withUpr()).isTrue();
    }

    @Test
    void theCountFollowsTheTextNotThePublishedNumber() throws AppException {
        String shorter = reference.replace(" Mali's Foreign Ministry rejected the allegations.", "");
        BriefImport imported = read(shorter);
        BriefView view = composer.compose(imported.brief());
        assertThat(view.sections().get(0).wordCount()).isEqualTo(108 - 6);
        assertThat(imported.warnings()).anyMatch(w -> w.contains("published count is 108"));
    }

    @Test
    void memberListsAreReadAsReferencesAndRecomputed() throws AppException {
        Brief brief = read(reference).brief();
        Item meeting = brief.section(SectionKind.COMMENTS).items().get(1);
        List<List<String>> lists = meeting.paragraphs().get(0).segments().stream().filter(Segment::isMembers)
                .map(Segment::members).toList();
        assertThat(lists.get(0)).containsExactly("A3", "ALB", "ECU", "FRA", "JPN", "CHE", "GBR");
        BriefView view = composer.compose(brief);
        assertThat(view.keyTopics().get(2).topics().get(1).text()).endsWith(": All Council members.");
        assertThat(view.keyTopics().get(2).topics().get(2).text()).endsWith(": 13 of the Security Council's members.");
    }

    @Test
    void droppingAMemberFromTheTextChangesTheKeyTopic() throws AppException {
        String withoutUs = reference.replace("Albania, Ecuador, Malta, Switzerland, the UK and the US referred",
                "Albania, Ecuador, Malta, Switzerland and the UK referred")
                .replace("The US stated that the international community", "It was stated that the international community");
        BriefView view = composer.compose(read(withoutUs).brief());
        assertThat(view.keyTopics().get(2).topics().get(0).text()).endsWith(
                ": Albania, Ecuador, Malta, Switzerland and the UK.");
    }

    @Test
    void keepsGapsAndReportsThemAsWarnings() throws AppException {
        BriefImport imported = read(reference);
        assertThat(imported.brief().section(SectionKind.FAMILIAR).items().get(2).date()).isNull();
        assertThat(imported.warnings()).anyMatch(w -> w.contains("CAAC") && w.contains("has no date"));
        assertThat(imported.warnings()).anyMatch(w -> w.contains("Reporting by Human Rights Watch")
                && w.contains("cites no source"));
        assertThat(imported.warnings()).anyMatch(w -> w.contains("'Updated' line has no full date"));
        assertThat(imported.brief().updated().asPublished()).isEqualTo("May 25");
    }

    @Test
    void readsSourcesWithTheirParagraphs() throws AppException {
        Brief brief = read(reference).brief();
        assertThat(brief.section(SectionKind.OUTCOMES).items().get(0).sources()).containsExactly(
                new Source("S/RES/2374 (2017)", "OP8", null), new Source("S/RES/2584 (2021)", "OP50-OP57", null));
        assertThat(brief.section(SectionKind.FAMILIAR).items().get(0).sources())
                .contains(new Source("S/2023/402", "para 19", null));
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start);
    }

    @Test
    void rejectsAMissingSection() {
        String text = reference.replaceAll("(?m)^References in Security Council outcomes \\(not verbatim\\) \\[45 words\\]$",
                "");
        assertThatThrownBy(() -> read(text)).isInstanceOf(AppException.class)
                .hasMessageContaining("'References in Security Council outcomes (not verbatim)' is missing");
    }

    @Test
    void rejectsSectionsOutOfOrder() {
        String swapped = reference.replace("Information familiar to the Security Council [513 words]", "@@")
                .replace("References in Security Council outcomes (not verbatim) [45 words]",
                        "Information familiar to the Security Council [513 words]")
                .replace("@@", "References in Security Council outcomes (not verbatim) [45 words]");
        assertThatThrownBy(() -> read(swapped)).isInstanceOf(BriefFormatException.class)
                .hasMessageContaining("out of order");
    }

    @Test
    void rejectsTextOutsideAnySectionNamingItsLine() {
        String text = "Some stray words\n" + reference;
        assertThatThrownBy(() -> read(text)).isInstanceOf(BriefFormatException.class)
                .hasMessageStartingWith("line 1: text outside any section");
    }

    @Test
    void rejectsAnUnknownStateInAMemberList() {
        String text = reference.replace("(30 June 2023): Albania, Ecuador, Malta", "(30 June 2023): Albania, Atlantis, Malta");
        int line = lineOf(text, "  1. Security Council adopted resolution");
        assertThatThrownBy(() -> read(text)).isInstanceOf(BriefFormatException.class)
                .hasMessage("line " + line + ": unknown state 'Atlantis' in the member list");
    }

    @Test
    void rejectsAnUnknownStateInTheUprBlock() {
        String text = reference.replace("  • Japan\n", "  • Narnia\n");
        assertThatThrownBy(() -> read(text)).isInstanceOf(BriefFormatException.class)
                .hasMessageContaining("unknown state 'Narnia'");
    }

    @Test
    void rejectsADateThatCannotBeRead() {
        String text = reference.replace("(24 July 2023).", "(31 Julember 2023).");
        assertThatThrownBy(() -> read(text)).isInstanceOf(BriefFormatException.class)
                .hasMessageContaining("cannot read the date '31 Julember 2023'")
                .hasMessageStartingWith("line " + lineOf(text, "  1. Reporting by Human Rights Watch") + ":");
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> read("\n\n")).isInstanceOf(AppException.class).hasMessageContaining("empty");
    }
}
