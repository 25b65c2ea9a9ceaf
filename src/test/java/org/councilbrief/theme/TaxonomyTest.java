package org.councilbrief.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.junit.jupiter.api.Test;

class TaxonomyTest {
    @Test
    void theUprInfoSchemeHasUprInfosFiftyFourIssuesEachDefinedWithEnglishAndFrenchCues() {
        List<String> issues = SharedData.read(SharedData.root().resolve("data/upr-themes/issue_labels.tsv")).lines()
                .skip(1).map(line -> line.split("\t")[0]).toList();
        assertThat(issues).hasSize(54);
        assertThat(Taxonomy.uprInfo().labels()).extracting(ThemeLabel::name).containsExactlyInAnyOrderElementsOf(issues);
        assertThat(Taxonomy.uprInfo().labels()).allSatisfy(label -> {
            assertThat(label.definition()).isNotBlank();
            assertThat(label.cuesEn()).isNotEmpty();
            assertThat(label.cuesFr()).isNotEmpty();
        });
    }

    /**
     * The fixed ids of the Council scheme, as DESIGN.md lists them ("Theme": labels may be added, none renamed) and
     * POSITIONS.md maps statements to them. Copied here because DESIGN.md lives outside the repository. Positions are
     * stored, published and measured by these ids: if this test fails, an id was renamed or dropped, and the
     * maintainers' readings can no longer find what it stood for. Add labels; never rename one (decision 0024).
     */
    static final List<String> FIXED_COUNCIL_IDS = List.of("accountability", "protection-of-civilians",
            "womens-participation", "sexual-violence", "children", "humanitarian-access", "ihl-ihrl",
            "foreign-security-personnel", "hate-speech", "cooperation-with-un", "elections-and-transition",
            "detention-and-torture", "civic-space", "displacement", "inclusion");

    @Test
    void theCouncilSchemeHoldsEveryFixedIdOfTheDesignUnchanged() {
        List<String> ids = Taxonomy.council().labels().stream().map(ThemeLabel::id).toList();
        assertThat(FIXED_COUNCIL_IDS).hasSize(15).doesNotHaveDuplicates();
        assertThat(ids).as("the Council scheme's ids (labels may be added, none renamed)")
                .containsAll(FIXED_COUNCIL_IDS).doesNotHaveDuplicates();
        for (String id : FIXED_COUNCIL_IDS) {
            assertThat(Taxonomy.council().label(id)).as(id).map(ThemeLabel::id).contains(id);
        }
    }

    @Test
    void theLabelsAddedSinceStayBesideTheFixedOnes() {
        assertThat(Taxonomy.council().labels()).extracting(ThemeLabel::id).contains("extrajudicial-killings",
                "peace-process", "peacekeeping", "terrorism", "sanctions", "climate-security");
    }

    @Test
    void everyCouncilThemeIsDefinedWithEnglishAndFrenchCuesAndASentencePerAct() {
        assertThat(Taxonomy.council().labels()).allSatisfy(label -> {
            assertThat(label.definition()).isNotBlank();
            assertThat(label.cuesEn()).filteredOn(c -> !c.startsWith("-")).isNotEmpty();
            assertThat(label.cuesFr()).filteredOn(c -> !c.startsWith("-")).isNotEmpty();
        });
        List<String> sentences = org.councilbrief.council.TsvRows.read(Taxonomy.class, "council-sentences.tsv").stream()
                .map(f -> f[0]).toList();
        assertThat(sentences).containsExactlyInAnyOrderElementsOf(
                Taxonomy.council().labels().stream().map(ThemeLabel::id).toList());
    }

    @Test
    void theFormerIdsStillFindTheirFixedLabel() {
        assertThat(Taxonomy.council().label("children-and-armed-conflict")).map(ThemeLabel::id).contains("children");
        assertThat(Taxonomy.council().label("conflict-related-sexual-violence")).map(ThemeLabel::id)
                .contains("sexual-violence");
        assertThat(Taxonomy.council().label("cooperation-with-un-mechanisms")).map(ThemeLabel::id)
                .contains("cooperation-with-un");
        assertThat(Taxonomy.FORMER_COUNCIL_IDS.values()).allSatisfy(id -> assertThat(FIXED_COUNCIL_IDS).contains(id));
    }

    @Test
    void labelsAreFoundByIdOrNameAndUnknownSchemesAreRefused() {
        assertThat(Taxonomy.uprInfo().label("womens rights")).map(ThemeLabel::name).contains("Women's rights");
        assertThat(Taxonomy.council().label("Protection of civilians")).map(ThemeLabel::id)
                .contains("protection-of-civilians");
        assertThat(Taxonomy.uprInfo().label("Astrology")).isEmpty();
        assertThatThrownBy(() -> Taxonomy.of("dewey")).isInstanceOf(AppException.class)
                .hasMessageContaining("unknown scheme 'dewey'");
    }
}
