package org.councilbrief.upr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.councilbrief.SharedData;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceTexts;
import org.junit.jupiter.api.Test;

class UprResponsesTest {
    private static final Path SLOVENIA = SharedData.root().resolve("data/upr-reports/slovenia_4th_cycle");

    @Test
    void readsRangesAndListsFromAnAddendum() throws InputException {
        Map<String, String> answers = UprResponses.read(SourceTexts.of("add1.txt", """
                3. The Government accepts the following recommendations: 140.7, 140.8,
                140.9.
                140.11-14
                The Convention was ratified.
                5. The Government takes note of recommendations 140.1, 140.2.
                """));
        assertThat(answers).containsEntry("140.7", "supported").containsEntry("140.9", "supported")
                .containsEntry("140.12", "supported").containsEntry("140.14", "supported")
                .containsEntry("140.1", "noted").containsEntry("140.2", "noted").hasSize(9);
    }

    @Test
    void theAddendumAndTheThematicListAgreeWithTheGoldOnEveryRecommendation() throws Exception {
        Map<String, String> gold = new java.util.HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(SLOVENIA.resolve("gold/slovenia2025_A-HRC-59-15.jsonl"))) {
            JsonNode node = json.readTree(line);
            gold.put(node.get("paragraph").asText(), node.get("response").asText().toLowerCase());
        }
        Map<String, String> addendum = UprResponses.read(
                SourceTexts.read(SLOVENIA.resolve("source/cycle4__extracted__g2505828.txt")));
        Map<String, String> thematic = UprResponses.read(
                SourceTexts.read(SLOVENIA.resolve("source/cycle4__Thematic_List_of_Recommendations.md")));
        assertThat(gold).hasSize(254);
        assertThat(addendum).isEqualTo(gold);
        assertThat(thematic).isEqualTo(gold);
    }

    @Test
    void aFileWithoutAnswersIsRejected() {
        assertThatThrownBy(() -> UprResponses.read(SourceTexts.of("x.txt", "Nothing to see.\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("no responses found");
    }
}
