package org.councilbrief.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.councilbrief.AppException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index: stemming in English and French, phrases, operators, facets, highlighting, and keeping in step. */
class SearchIndexTest {
    private final FakeSource source = new FakeSource();
    private SearchIndex index;

    @BeforeEach
    void build() {
        source.given("meeting:S/PV.1", speech("S/PV.1", 1, "FRA", "mali", 2023,
                "Nous demandons que les enquêtes sur les violations soient menées et que les responsables soient"
                        + " poursuivis."));
        source.given("meeting:S/PV.1", speech("S/PV.1", 2, "GBR", "mali", 2023,
                "The United Kingdom calls for accountability and for investigations of the killings of civilians."));
        source.given("meeting:S/PV.2", speech("S/PV.2", 1, "USA", "sudan", 2024,
                "We condemn the attacks on humanitarian workers and call for the protection of civilians."));
        source.given("upr:MLI-4", new SearchText("rec:MLI-4:1", "upr:MLI-4", "recommendation", "Recommendation 1",
                "upr/MLI-4.html#r1", "Investigate all allegations of torture and bring perpetrators to justice.",
                "mali", List.of("GBR", "USA"), List.of("accountability", "detention-and-torture"), 2023, true));
        source.given("meeting:S/PV.1", new SearchText("position:7", "meeting:S/PV.1", "position", "Proposed",
                "meetings/S_PV.1.html#speech-2", "calls for accountability and for investigations", "mali",
                List.of("GBR"), List.of("accountability"), 2023, false));
        index = SearchIndex.inMemory();
        index.sync(source);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static SearchText speech(String meeting, int n, String member, String situation, int year, String text) {
        return new SearchText("speech:" + meeting + ":" + n, "meeting:" + meeting, "speech", member + " at " + meeting,
                "meetings/" + meeting.replace('/', '_') + ".html#speech-" + n, text, situation, List.of(member),
                List.of(), year, true);
    }

    private SearchResult find(String q) throws AppException {
        return index.search(new SearchQuery(q, Map.of(), true, 0, 10));
    }

    private List<String> urls(String q) throws AppException {
        return find(q).hits().stream().map(SearchResult.Hit::url).toList();
    }

    @Test
    void findsEnglishWordsByTheirStem() throws AppException {
        assertThat(urls("investigation")).containsExactlyInAnyOrder("meetings/S_PV.1.html#speech-2",
                "upr/MLI-4.html#r1");
        assertThat(urls("killing civilian")).containsExactly("meetings/S_PV.1.html#speech-2");
    }

    @Test
    void findsFrenchWordsByTheirStem() throws AppException {
        assertThat(urls("enquête")).containsExactly("meetings/S_PV.1.html#speech-1");
        assertThat(urls("violation responsable")).containsExactly("meetings/S_PV.1.html#speech-1");
    }

    @Test
    void phrasesMatchOnlyWordsInTheirOrder() throws AppException {
        assertThat(urls("\"protection of civilians\"")).containsExactly("meetings/S_PV.2.html#speech-1");
        assertThat(urls("\"civilians protection\"")).isEmpty();
        assertThat(urls("protection civilians")).containsExactly("meetings/S_PV.2.html#speech-1");
    }

    @Test
    void booleanOperatorsCombineWords() throws AppException {
        assertThat(urls("torture OR humanitarian")).containsExactlyInAnyOrder("upr/MLI-4.html#r1",
                "meetings/S_PV.2.html#speech-1");
        assertThat(urls("accountability AND killings")).containsExactly("meetings/S_PV.1.html#speech-2");
        assertThat(urls("civilians NOT humanitarian")).containsExactly("meetings/S_PV.1.html#speech-2");
        assertThat(urls("civilians -killings")).containsExactly("meetings/S_PV.2.html#speech-1");
    }

    @Test
    void facetsCountMatchesAndFilterThem() throws AppException {
        SearchResult all = find("civilians OR torture OR enquêtes");
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.facets().get("situation")).containsExactly(new SearchResult.FacetCount("mali", 3),
                new SearchResult.FacetCount("sudan", 1));
        assertThat(all.facets().get("member")).contains(new SearchResult.FacetCount("GBR", 2));
        assertThat(all.facets().get("year")).containsExactly(new SearchResult.FacetCount("2024", 1),
                new SearchResult.FacetCount("2023", 3));
        SearchResult mali = index.search(new SearchQuery("civilians OR torture", Map.of("situation", "mali",
                "kind", "recommendation"), true, 0, 10));
        assertThat(mali.hits()).extracting(SearchResult.Hit::url).containsExactly("upr/MLI-4.html#r1");
        SearchResult theme = index.search(new SearchQuery("", Map.of("theme", "detention-and-torture"), true, 0, 10));
        assertThat(theme.total()).isEqualTo(1);
    }

    @Test
    void marksTheWordsFoundAndEscapesTheRest() throws AppException {
        source.given("resolution:S/RES/1", new SearchText("res:1", "resolution:S/RES/1", "resolution", "OP 1",
                "resolutions/S_RES_1.html#p1", "Demands <b>that</b> all parties allow humanitarian access.", null,
                List.of(), List.of(), 2020, true));
        index.sync(source);
        SearchResult.Hit hit = find("\"humanitarian access\"").hits().get(0);
        assertThat(hit.snippet()).contains("<mark>humanitarian access</mark>")
                .contains("&lt;b&gt;that&lt;").doesNotContain("<b>");
        assertThat(find("investigations").hits().stream().filter(h -> h.kind().equals("speech")).findFirst()
                .orElseThrow().snippet()).contains("<mark>investigations</mark>");
    }

    @Test
    void publicSearchNeverFindsATextThePublicDoesNotSee() throws AppException {
        assertThat(find("accountability").hits()).extracting(SearchResult.Hit::kind).doesNotContain("position");
        SearchResult workspace = index.search(new SearchQuery("accountability", Map.of(), false, 0, 10));
        assertThat(workspace.hits()).extracting(SearchResult.Hit::kind).contains("position");
    }

    @Test
    void refusesAQueryItCannotReadInWords() {
        assertThatThrownBy(() -> find("civilians AND")).isInstanceOf(AppException.class)
                .hasMessageContaining("ends with an operator");
        assertThatThrownBy(() -> find("\"protection of")).isInstanceOf(AppException.class)
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> find("(torture OR justice")).isInstanceOf(AppException.class)
                .hasMessageContaining("brackets");
    }

    @Test
    void findsASymbolWrittenWithSlashes() throws AppException {
        source.given("resolution:S/RES/2", new SearchText("res:2", "resolution:S/RES/2", "resolution", "OP 1",
                "resolutions/S_RES_2.html#p1", "Recalling its resolution S/RES/2690 (2023) on the mission.", null,
                List.of(), List.of(), 2024, true));
        index.sync(source);
        assertThat(urls("S/RES/2690")).containsExactly("resolutions/S_RES_2.html#p1");
    }

    @Test
    void pagesThroughHits() throws AppException {
        for (int i = 0; i < 25; i++) {
            source.given("upr:X", new SearchText("x" + i, "upr:X", "recommendation", "R" + i, "upr/X.html#r" + i,
                    "Ratify the convention number " + i, null, List.of(), List.of(), 2022, true));
        }
        index.sync(source);
        SearchResult second = index.search(new SearchQuery("ratify", Map.of(), true, 20, 10));
        assertThat(second.total()).isEqualTo(25);
        assertThat(second.hits()).hasSize(5);
    }

    @Test
    void pagesAfterTheLastHitGivenToTheEndEachHitOnce() throws AppException {
        for (int i = 0; i < 25; i++) {
            source.given("upr:X", new SearchText("x" + i, "upr:X", "recommendation", "R" + i, "upr/X.html#r" + i,
                    "Ratify the convention " + "and the protocol ".repeat(i % 3) + i, null, List.of(), List.of(),
                    2022, true));
        }
        index.sync(source);
        for (String q : List.of("ratify", "")) {
            List<String> walked = new ArrayList<>();
            SearchQuery.After after = null;
            long total = -1;
            do {
                SearchResult page = index.search(new SearchQuery(q, Map.of("kind", "recommendation"), true, 0, 7,
                        after));
                total = page.total();
                page.hits().forEach(h -> walked.add(h.url()));
                after = page.last();
                assertThat(page.more()).isEqualTo(walked.size() < total);
            } while (after != null);
            assertThat(walked).as(q).hasSize((int) total).doesNotHaveDuplicates();
            assertThat(walked).as(q).isEqualTo(index.search(new SearchQuery(q, Map.of("kind", "recommendation"),
                    true, 0, 500)).hits().stream().map(SearchResult.Hit::url).toList());
        }
    }

    @Test
    void aTextUnderSeveralSituationsIsFoundAndCountedUnderEach() throws AppException {
        source.given("upr:MLI-5", new SearchText("rec:MLI-5:1", "upr:MLI-5", "recommendation", "R", "upr/MLI-5.html#r1",
                "Protect journalists.", "mali", List.of("FRA"), List.of(), 2024, true, List.of("mali", "sahel")));
        index.sync(source);
        for (String situation : List.of("mali", "sahel")) {
            SearchResult found = index.search(new SearchQuery("journalists", Map.of("situation", situation), true, 0,
                    10));
            assertThat(found.hits()).as(situation).extracting(SearchResult.Hit::url).containsExactly(
                    "upr/MLI-5.html#r1");
            assertThat(found.hits().get(0).situations()).containsExactly("mali", "sahel");
        }
        assertThat(find("journalists").facets().get("situation")).containsExactlyInAnyOrder(
                new SearchResult.FacetCount("mali", 1), new SearchResult.FacetCount("sahel", 1));
    }

    @Test
    void replacesOnlyTheGroupsThatChangedAndDropsThoseGone() throws AppException {
        assertThat(index.sync(source)).as("nothing changed").isZero();
        source.remove("meeting:S/PV.2");
        source.given("upr:MLI-4", new SearchText("rec:MLI-4:2", "upr:MLI-4", "recommendation", "Recommendation 2",
                "upr/MLI-4.html#r2", "Abolish the death penalty.", "mali", List.of("FRA"), List.of(), 2023, true));
        assertThat(index.sync(source)).isEqualTo(2);
        assertThat(urls("humanitarian")).isEmpty();
        assertThat(urls("death penalty")).containsExactly("upr/MLI-4.html#r2");
        assertThat(urls("torture")).containsExactly("upr/MLI-4.html#r1");
    }

    @Test
    void keepsItsIndexOnDiskAndRebuildsOneOfAnotherFormat(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("search");
        try (SearchIndex disk = SearchIndex.open(folder)) {
            disk.sync(source);
            assertThat(disk.size()).isEqualTo(5);
            try (SearchIndex second = SearchIndex.open(folder)) {
                assertThat(second.folder()).as("a second process takes a folder of its own")
                        .isEqualTo(dir.resolve("search-2"));
            }
        }
        try (SearchIndex again = SearchIndex.open(folder)) {
            assertThat(again.size()).as("kept on disk").isEqualTo(5);
            source.bump();
            assertThat(again.sync(source)).as("only what changed since").isZero();
        }
        Files.writeString(folder.resolve(SearchIndex.FORMAT_FILE), "an older layout\n");
        try (SearchIndex rebuilt = SearchIndex.open(folder)) {
            assertThat(rebuilt.size()).isZero();
            rebuilt.sync(source);
            assertThat(rebuilt.size()).isEqualTo(5);
        }
    }

    /** A source held in memory; its stamp changes with every change given. */
    static final class FakeSource implements SearchSource {
        private final Map<String, List<SearchText>> groups = new LinkedHashMap<>();
        private int version;

        void given(String group, SearchText text) {
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(text);
            version++;
        }

        void remove(String group) {
            groups.remove(group);
            version++;
        }

        void bump() {
            version++;
        }

        @Override
        public String stamp() {
            return String.valueOf(version);
        }

        @Override
        public Map<String, String> signatures() {
            Map<String, String> s = new LinkedHashMap<>();
            groups.forEach((g, texts) -> s.put(g, String.valueOf(texts.hashCode())));
            return s;
        }

        @Override
        public void texts(Set<String> wanted, Consumer<SearchText> sink) {
            groups.forEach((g, texts) -> {
                if (wanted.contains(g)) {
                    texts.forEach(sink);
                }
            });
        }
    }
}
