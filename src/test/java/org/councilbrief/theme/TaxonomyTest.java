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

    @Test
    void theCouncilSchemeHasTheThemesOfTheIssueAndMore() {
        assertThat(Taxonomy.council().labels()).extracting(ThemeLabel::id).contains("accountability",
                "protection-of-civilians", "womens-participation", "conflict-related-sexual-violence",
                "children-and-armed-conflict", "humanitarian-access", "foreign-security-personnel", "hate-speech",
                "cooperation-with-un-mechanisms", "elections-and-transition", "detention-and-torture", "civic-space");
        assertThat(Taxonomy.council().size()).isGreaterThan(12);
        assertThat(Taxonomy.council().labels()).allSatisfy(label -> {
            assertThat(label.definition()).isNotBlank();
            assertThat(label.cuesEn()).isNotEmpty();
            assertThat(label.cuesFr()).isNotEmpty();
        });
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
