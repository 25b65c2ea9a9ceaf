package org.councilbrief.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.councilbrief.AppException;
import org.councilbrief.council.Membership;
import org.councilbrief.db.Database;
import org.councilbrief.situation.Situation;
import org.councilbrief.situation.SituationRepository;

/**
 * A brief's life: editors save drafts (each save a new version, refused when someone saved over the version they
 * started from), send them for review; a reviewer or admin publishes; every version is kept, two versions can be
 * compared and an old one restored as a new draft. The public site shows the latest published version.
 */
public final class BriefWorkflow {
    /** The version a user works from: its number (0 for a brief never saved through the workflow) and status. */
    public record Current(int version, String status, Brief brief) {
    }

    private final BriefRepository briefs;
    private final BriefRevisionRepository revisions;
    private final SituationRepository situations;
    private final BriefComposer composer;

    public BriefWorkflow(Database database, Membership membership) {
        this.briefs = new BriefRepository(database.jdbi());
        this.revisions = new BriefRevisionRepository(database.jdbi());
        this.situations = new SituationRepository(database.jdbi());
        this.composer = new BriefComposer(membership);
    }

    public Current current(String situation) throws AppException {
        Optional<BriefRevision> latest = revisions.latest(situation);
        if (latest.isPresent()) {
            return new Current(latest.get().version(), latest.get().status(), BriefJson.read(latest.get().body()));
        }
        Brief working = briefs.find(situation).orElseThrow(() -> new AppException("no brief on '" + situation + "'"));
        return new Current(0, BriefRevision.PUBLISHED, working);
    }

    /** The brief the public reads: the latest published version, or the working copy of a brief never revised. */
    public Optional<Brief> published(String situation) throws AppException {
        Optional<BriefRevision> published = revisions.latestPublished(situation);
        if (published.isPresent()) {
            return Optional.of(BriefJson.read(published.get().body()));
        }
        return revisions.latest(situation).isPresent() ? Optional.empty() : briefs.find(situation);
    }

    /** Starts the brief on a new situation: an empty brief in four sections, saved as version 1, a draft. */
    public int create(String id, String name, String stateCode, LocalDate asOf, String user) throws AppException {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,60}")) {
            throw new AppException("a situation's id is 2 to 61 lower-case letters, digits or hyphens (e.g. south-sudan)");
        }
        if (name == null || name.isBlank()) {
            throw new AppException("a situation needs a name");
        }
        if (situations.find(id).isPresent()) {
            throw new AppException("there is already a situation '" + id + "'");
        }
        List<Section> sections = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            sections.add(new Section(kind, List.of()));
        }
        Brief brief = new Brief(id, name.strip(), asOf, Updated.on(asOf), List.of(), sections, List.of());
        return revisions.add(id, 0, BriefRevision.DRAFT, brief, stateCode, BriefJson.write(brief), user,
                "started the brief");
    }

    /**
     * Adds an item at the end of a section: title, date, sub-heading, text (a blank line between paragraphs) and
     * sources, one a line: a symbol with an optional paragraph ("S/RES/2690 (2023), OP8") or a URL. A new draft.
     */
    public int addItem(String situation, int base, SectionKind section, String title, LocalDate date,
            String subHeading, String text, String sources, String user) throws AppException {
        Current current = current(situation);
        if (title == null || title.isBlank() || text == null || text.isBlank()) {
            throw new AppException("an item needs a title and a text");
        }
        if (date == null) {
            throw new AppException("an item needs a date");
        }
        List<Source> parsed = sources(sources);
        if (parsed.isEmpty()) {
            throw new AppException("an item needs at least one source: a symbol (and paragraph) or a URL");
        }
        List<Section> sections = new ArrayList<>();
        String id = null;
        for (Section s : current.brief().sections()) {
            List<Item> items = new ArrayList<>(s.items());
            if (s.kind() == section) {
                int n = items.size() + 1;
                while (true) {
                    String candidate = section.id() + "-" + n;
                    if (items.stream().noneMatch(i -> i.id().equals(candidate))) {
                        id = candidate;
                        break;
                    }
                    n++;
                }
                List<Paragraph> paragraphs = new ArrayList<>();
                for (String block : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
                    paragraphs.add(Paragraph.of(block.strip().replaceAll("\\s+", " ")));
                }
                items.add(new Item(id, title.strip(), date, subHeading == null || subHeading.isBlank() ? null
                        : subHeading.strip(), section != SectionKind.OUTCOMES, paragraphs, parsed, null, null));
            }
            sections.add(new Section(s.kind(), items));
        }
        Brief b = current.brief();
        LocalDate asOf = b.asOf() == null || date.isAfter(b.asOf()) ? date : b.asOf();
        Brief edited = new Brief(b.situation(), b.situationName(), asOf, Updated.on(asOf), b.intro(), sections,
                b.uprReviews());
        return save(situation, base, BriefRevision.DRAFT, edited, user, "added item " + id);
    }

    static List<Source> sources(String text) throws AppException {
        List<Source> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("https://") || l.startsWith("http://")) {
                out.add(new Source(null, null, l));
                continue;
            }
            int comma = l.lastIndexOf(',');
            String symbolText = comma > 0 ? l.substring(0, comma) : l;
            String paragraph = comma > 0 ? l.substring(comma + 1).strip() : null;
            var symbol = org.councilbrief.document.Symbols.parse(symbolText);
            if (paragraph != null) {
                paragraph = org.councilbrief.document.ParagraphRef.parse(paragraph).toString();
            }
            out.add(new Source(symbol.canonical(), paragraph, null));
        }
        return out;
    }

    /** When the public version was published through the workflow, if it was. */
    public Optional<java.time.LocalDateTime> publishedAt(String situation) {
        return revisions.latestPublished(situation).filter(r -> r.version() > 1 || !r.note().startsWith("the brief as"))
                .map(BriefRevision::at);
    }

    /** Replaces an item's title, date and text (one paragraph per blank-line-separated block); a new draft. */
    public int editItem(String situation, int base, String itemId, String title, LocalDate date, String text,
            String user) throws AppException {
        Current current = current(situation);
        if (title == null || title.isBlank()) {
            throw new AppException("an item needs a title");
        }
        if (text == null || text.isBlank()) {
            throw new AppException("an item needs a text");
        }
        List<Section> sections = new ArrayList<>();
        boolean found = false;
        for (Section section : current.brief().sections()) {
            List<Item> items = new ArrayList<>();
            for (Item item : section.items()) {
                if (item.id().equals(itemId)) {
                    found = true;
                    List<Paragraph> paragraphs = new ArrayList<>();
                    for (String block : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
                        paragraphs.add(Paragraph.of(block.strip().replaceAll("\\s+", " ")));
                    }
                    items.add(new Item(item.id(), title.strip(), date, item.subHeading(), item.numbered(), paragraphs,
                            item.sources(), item.meeting(), item.uprReview()));
                } else {
                    items.add(item);
                }
            }
            sections.add(new Section(section.kind(), items));
        }
        if (!found) {
            throw new AppException("the brief on '" + situation + "' has no item '" + itemId + "'");
        }
        Brief b = current.brief();
        Brief edited = new Brief(b.situation(), b.situationName(), b.asOf(), b.updated(), b.intro(), sections,
                b.uprReviews());
        return save(situation, base, BriefRevision.DRAFT, edited, user, "edited item " + itemId);
    }

    public int submit(String situation, int base, String user) throws AppException {
        Current current = current(situation);
        if (!current.status().equals(BriefRevision.DRAFT)) {
            throw new AppException("only a draft can be sent for review (this version is " + current.status() + ")");
        }
        return save(situation, base, BriefRevision.REVIEW, current.brief(), user, "sent for review");
    }

    public int publish(String situation, int base, String user, boolean mayPublish) throws AppException {
        if (!mayPublish) {
            throw new AppException("only a reviewer or an admin publishes");
        }
        Current current = current(situation);
        if (!current.status().equals(BriefRevision.REVIEW)) {
            throw new AppException("only a brief in review can be published (this version is " + current.status()
                    + ")");
        }
        return save(situation, base, BriefRevision.PUBLISHED, current.brief(), user, "published");
    }

    public int restore(String situation, int base, int version, String user) throws AppException {
        BriefRevision old = revisions.version(situation, version).orElseThrow(() -> new AppException(
                "the brief on '" + situation + "' has no version " + version));
        return save(situation, base, BriefRevision.DRAFT, BriefJson.read(old.body()), user,
                "restored version " + version);
    }

    public List<BriefRevision> history(String situation) {
        return revisions.history(situation);
    }

    /** The brief as text in two versions, line by line. */
    public List<TextDiff.Line> diff(String situation, int from, int to) throws AppException {
        return TextDiff.changes(text(situation, from), text(situation, to));
    }

    private String text(String situation, int version) throws AppException {
        BriefRevision r = revisions.version(situation, version).orElseThrow(() -> new AppException(
                "the brief on '" + situation + "' has no version " + version));
        return new TextRenderer().text(composer.compose(BriefJson.read(r.body())));
    }

    private int save(String situation, int base, String status, Brief brief, String user, String note)
            throws AppException {
        String stateCode = situations.find(situation).map(Situation::stateCode).orElse(null);
        if (base == 0 && revisions.latest(situation).isEmpty()) {
            // The first save through the workflow keeps the brief as it was as version 1, published.
            base = revisions.add(situation, 0, BriefRevision.PUBLISHED, null, stateCode,
                    BriefJson.write(current(situation).brief()), user, "the brief as it was published");
        }
        return revisions.add(situation, base, status, brief, stateCode, BriefJson.write(brief), user, note);
    }
}
