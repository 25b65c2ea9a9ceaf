package org.councilbrief.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefPictures;
import org.councilbrief.brief.BriefView;
import org.councilbrief.brief.Item;
import org.councilbrief.brief.SectionKind;
import org.councilbrief.compare.ThemeCrosswalk;
import org.councilbrief.council.Composition;
import org.councilbrief.council.Membership;
import org.councilbrief.picture.ActGrid;
import org.councilbrief.picture.Figure;
import org.councilbrief.picture.StackedBars;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprReview;

/**
 * A brief's pictures (decision 0044): who said what at the latest meeting of its comments section, from the
 * positions editors accepted there (never proposed or rejected ones), the fifteen members on the meeting's date
 * against the themes raised; and each UPR block's recommendations by Council theme and response, counted over the
 * very members the block lists, so that the picture and the block cannot disagree. The site's brief pages, the
 * workspace's preview and their PDFs take their pictures from here. A published version keeps the grid's data as it
 * was at its publication ({@link #record}), and its public page, PDF and the static export draw from that until the
 * next publication; the preview draws from the positions as decided now (decision 0049).
 */
public final class BriefFigures implements BriefPictures.Maker {
    /** The id of the grid on the brief's page. */
    public static final String GRID = "who-said-what";
    static final String SUPPORTED = "Supported";
    static final String NOTED = "Noted";
    static final String PENDING = "No response recorded";
    static final List<StackedBars.Series> RESPONSES = List.of(new StackedBars.Series(SUPPORTED, "#006B4F"),
            new StackedBars.Series(NOTED, "#E69F00"), new StackedBars.Series(PENDING, "#E4E8EE"));
    static final String NO_THEME = "No Council theme";

    private final StatementRepository statements;
    private final java.util.function.Supplier<Membership> membership;

    /** One crosswalk for all: its rules are compiled once, on first use. */
    private static final class Crosswalk {
        static final ThemeCrosswalk INSTANCE = new ThemeCrosswalk();
    }

    public BriefFigures(StatementRepository statements, Membership membership) {
        this(statements, () -> membership);
    }

    /** Pictures that ask for the Council's composition as recorded now, each time they are made. */
    public BriefFigures(StatementRepository statements, java.util.function.Supplier<Membership> membership) {
        this.statements = statements;
        this.membership = membership;
    }

    /** Compiles the crosswalk's rules once, ahead of the first brief (see {@link SiteBuilder#warmUp()}). */
    static void warmUp() {
        Crosswalk.INSTANCE.themes("Ensure accountability for violations.", List.of());
    }

    @Override
    public BriefPictures of(Brief brief, BriefView view) {
        return pictures(brief, view, gridData(brief));
    }

    /**
     * The data of the grid as it is now (the latest meeting, its date and the accepted positions there), kept with a
     * version being published (decision 0049); the UPR pictures need nothing kept, the brief holds its reviews.
     */
    @Override
    public String record(Brief brief) {
        GridData data = gridData(brief);
        com.fasterxml.jackson.databind.node.ObjectNode json = JSON.createObjectNode();
        json.put("format", 1);
        if (data == null) {
            json.putNull("meeting");
        } else {
            json.put("meeting", data.meeting()).put("date", data.date().toString());
            com.fasterxml.jackson.databind.node.ArrayNode cells = json.putArray("cells");
            data.cells().forEach(c -> cells.addArray().add(c.member()).add(c.theme()).add(c.act()));
        }
        return json.toString();
    }

    /** A published version's pictures: its grid from what was kept at its publication (null: the data now). */
    @Override
    public BriefPictures of(Brief brief, BriefView view, String recorded) {
        return pictures(brief, view, recorded == null ? gridData(brief) : read(recorded));
    }

    private BriefPictures pictures(Brief brief, BriefView view, GridData grid) {
        Map<String, Figure> upr = new LinkedHashMap<>();
        for (BriefView.SectionView section : view.sections()) {
            for (BriefView.Block block : section.blocks()) {
                for (BriefView.ParagraphView p : block.paragraphs()) {
                    if (p.upr() != null) {
                        brief.uprReview(p.upr().review()).ifPresent(review -> upr.put(review.id(),
                                uprFigure(review, p.upr(), "upr-" + slug(review.id()) + "-picture")));
                    }
                }
            }
        }
        return new BriefPictures(grid(grid).orElse(null), upr);
    }

    /** The latest meeting of the comments section: the meeting item with the latest date (undated: the brief's). */
    static Optional<Item> latestMeeting(Brief brief) {
        return brief.section(SectionKind.COMMENTS).items().stream().filter(i -> i.meeting() != null)
                .max(Comparator.comparing((Item i) -> i.date() != null ? i.date() : brief.asOf()));
    }

    /** What the grid is drawn from: the meeting, its date and the cells of the positions accepted there. */
    record GridData(String meeting, LocalDate date, List<ActGrid.Cell> cells) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The grid's data as it is now, or null when the comments section reports no meeting. */
    private GridData gridData(Brief brief) {
        Optional<Item> item = latestMeeting(brief);
        if (item.isEmpty()) {
            return null;
        }
        String meeting = item.get().meeting();
        List<ActGrid.Cell> cells = statements.acceptedPositionsAt(meeting).stream()
                .map(p -> new ActGrid.Cell(p.position().stateCode(), p.position().theme(), p.position().act().id()))
                .toList();
        LocalDate date = statements.findMeeting(meeting).map(m -> m.date()).orElse(item.get().date() != null
                ? item.get().date() : brief.asOf());
        return new GridData(meeting, date, cells);
    }

    /** The grid's data as {@link #record} wrote it. */
    static GridData read(String recorded) {
        try {
            com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(recorded);
            if (json.path("meeting").isNull() || json.path("meeting").isMissingNode()) {
                return null;
            }
            List<ActGrid.Cell> cells = new ArrayList<>();
            json.path("cells").forEach(c -> cells.add(new ActGrid.Cell(c.get(0).asText(), c.get(1).asText(),
                    c.get(2).asText())));
            return new GridData(json.get("meeting").asText(), LocalDate.parse(json.get("date").asText()), cells);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("the pictures kept with a published brief cannot be read: " + e
                    .getMessage(), e);
        }
    }

    private Optional<Figure> grid(GridData data) {
        if (data == null || data.cells().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ActGrid.figure(GRID, "Who said what at the meeting of " + BriefComposer.DATE.format(
                data.date()) + " (" + data.meeting() + "): the acts of each Council member on each theme it raised,"
                + " from the positions reviewed by the editors", members(membership.get().on(data.date())), themes(),
                data.cells()));
    }

    /** The fifteen on a date, in the alphabetical order of the brief's names for them. */
    static List<ActGrid.Member> members(Composition composition) {
        return composition.members().stream().sorted(Comparator.comparing(m -> m.state().sortKey()))
                .map(m -> new ActGrid.Member(m.state().code(), m.state().label())).toList();
    }

    /** The Council scheme's themes, in its order, each label starting with a capital. */
    static List<ActGrid.Theme> themes() {
        return Taxonomy.council().labels().stream().map(l -> new ActGrid.Theme(l.id(), capital(l.name()))).toList();
    }

    static String capital(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /**
     * The recommendations a UPR block lists (those of the members it names with recommendations; one made by two of
     * them counts once), by Council theme and response; one with several themes counts under each.
     */
    static Figure uprFigure(UprReview review, BriefView.UprBlock block, String id) {
        Set<String> members = new HashSet<>();
        block.members().stream().filter(m -> !m.recommendations().isEmpty()).forEach(m -> members.add(m.code()));
        List<UprRecommendation> recommendations = review.recommendations().stream()
                .filter(r -> r.recommendingStates().stream().anyMatch(members::contains)).toList();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        themes().forEach(t -> labels.put(t.id(), t.label()));
        for (UprRecommendation r : recommendations) {
            Set<String> themes = new LinkedHashSet<>(Crosswalk.INSTANCE.themes(r.text(), r.issues()));
            if (themes.isEmpty()) {
                themes.add(NO_THEME);
            }
            int series = response(r.response());
            for (String theme : themes) {
                counts.computeIfAbsent(labels.getOrDefault(theme, theme.equals(NO_THEME) ? NO_THEME
                        : capital(theme)), k -> new int[RESPONSES.size()])[series]++;
            }
        }
        List<StackedBars.Bar> bars = new ArrayList<>();
        counts.forEach((label, c) -> bars.add(new StackedBars.Bar(label, List.of(c[0], c[1], c[2]))));
        bars.sort(Comparator.comparing((StackedBars.Bar b) -> b.label().equals(NO_THEME))
                .thenComparing(Comparator.comparingInt(StackedBars.Bar::total).reversed())
                .thenComparing(StackedBars.Bar::label));
        String caption = "The " + recommendations.size() + (recommendations.size() == 1 ? " recommendation" :
                " recommendations") + " of current Council members by theme and by the response of the state under "
                + "review (one recommendation may carry several themes)";
        return StackedBars.figure(id, caption, "Theme", "recommendations", RESPONSES, bars);
    }

    /** The series of a response: supported (or accepted), noted, or none recorded yet. */
    static int response(String response) {
        if (response == null) {
            return 2;
        }
        return switch (response.strip().toLowerCase(Locale.ROOT)) {
            case "supported", "accepted" -> 0;
            case "noted" -> 1;
            default -> 2;
        };
    }

    /** An id safe in an anchor. */
    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
