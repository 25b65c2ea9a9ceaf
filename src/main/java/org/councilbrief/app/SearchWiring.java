package org.councilbrief.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.councilbrief.AppException;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefView;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.compare.ThemeCrosswalk;
import org.councilbrief.search.SearchIndex;
import org.councilbrief.search.SearchRepository;
import org.councilbrief.search.SearchText;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/**
 * What the search package is given, since it may not depend on the packages that depend on it (theme's tagger uses
 * its neighbour index): a brief's paragraphs as the public reads them, a recommendation's Council themes as the
 * member pages show them, the themes' labels, a member filter read as the exports read it, and where the index is
 * kept (decision 0039).
 */
final class SearchWiring {
    private static final ThemeCrosswalk CROSSWALK = new ThemeCrosswalk();

    private SearchWiring() {
    }

    static SearchRepository repository(Application application) {
        BriefWorkflow workflow = new BriefWorkflow(application.database(), application.council(),
                application.clock());
        return new SearchRepository(application.database().jdbi(), situation -> briefTexts(application, workflow,
                situation), SearchWiring::recommendationThemes);
    }

    private static Set<String> recommendationThemes(String text, String issues) {
        List<String> list = issues == null || issues.isBlank() ? List.of() : Arrays.stream(issues.split(";"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return CROSSWALK.themes(text, list);
    }

    /** A member as the exports read it (an ISO code or a state's name) to its code, with their message if unknown. */
    static String memberCode(String typed) throws AppException {
        return org.councilbrief.export.ExportFilter.of(null, null, typed, null, null).member();
    }

        static Function<String, String> themeLabel() {
        Taxonomy council = Taxonomy.council();
        return id -> council.label(id).map(ThemeLabel::name).orElse(id);
    }

    /** A situation's published brief, paragraph by paragraph, each linked to its item on the brief's page. */
    static List<SearchText> briefTexts(Application application, BriefWorkflow workflow, String situation) {
        Brief brief;
        try {
            brief = workflow.published(situation).orElse(null);
        } catch (AppException e) {
            return List.of();
        }
        if (brief == null) {
            return List.of();
        }
        BriefView view = application.composer().compose(brief);
        String group = "brief:" + situation;
        String page = "briefs/" + situation + ".html";
        Integer year = brief.asOf() == null ? null : brief.asOf().getYear();
        List<SearchText> texts = new ArrayList<>();
        int n = 0;
        for (String intro : view.intro()) {
            texts.add(new SearchText(group + ":intro:" + n++, group, "brief", view.situationName() + " brief",
                    page, intro, situation, List.of(), List.of(), year, true));
        }
        for (BriefView.SectionView section : view.sections()) {
            for (BriefView.Block block : section.blocks()) {
                String anchor = block.anchor() == null ? section.anchor() : section.anchor() + "-" + block.anchor();
                for (BriefView.ParagraphView p : block.paragraphs()) {
                    anchor = p.anchor() != null ? p.anchor() : anchor;
                    texts.add(new SearchText(group + ":" + n++, group, "brief", view.situationName() + " brief: "
                            + section.title() + (block.subHeading() == null ? "" : ", " + block.subHeading()),
                            page + "#" + anchor, p.text(), situation, List.of(), List.of(), year, true));
                }
            }
        }
        return texts;
    }

    /**
     * The index of this instance: in memory for an in-memory database; else under the data folder, {@code search}
     * beside an embedded database's file or {@code data/search-<hash of the database's address>} for PostgreSQL.
     */
    static SearchIndex open(Application application) throws AppException {
        String url = application.database().url();
        if (url.startsWith("jdbc:h2:mem:")) {
            return SearchIndex.inMemory();
        }
        Path folder = application.database().folder().map(f -> f.resolve("search")).orElseGet(() -> Path.of("data",
                "search-" + hash(url.replaceAll("password=[^&;]*", ""))));
        return SearchIndex.open(folder.toAbsolutePath());
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8))).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
