package org.councilbrief.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.councilbrief.AppException;
import org.councilbrief.council.Composition;
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
    private final Membership membership;
    private final BriefTextImporter memberLists;

    /**
     * An item as an editor's form gives it.
     *
     * @param section the section it stands in
     * @param title its key-topic title
     * @param date the day of the event
     * @param subHeading a sub-heading, or blank
     * @param text its paragraphs, a blank line between them
     * @param sources one a line: a symbol with an optional paragraph ("S/RES/2690 (2023), OP8") or a URL
     */
    public record ItemForm(SectionKind section, String title, LocalDate date, String subHeading, String text,
            String sources) {
    }

    public BriefWorkflow(Database database, Membership membership) {
        this.briefs = new BriefRepository(database.jdbi());
        this.revisions = new BriefRevisionRepository(database.jdbi());
        this.situations = new SituationRepository(database.jdbi());
        this.composer = new BriefComposer(membership);
        this.membership = membership;
        this.memberLists = new BriefTextImporter(membership);
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
        ItemForm form = new ItemForm(section, title, date, subHeading, text, sources);
        Current current = current(situation);
        Item item = item(form, null, false, current.brief().section(section));
        List<Section> sections = new ArrayList<>();
        for (Section s : current.brief().sections()) {
            List<Item> items = new ArrayList<>(s.items());
            if (s.kind() == section) {
                items.add(item);
            }
            sections.add(new Section(s.kind(), items));
        }
        return save(situation, base, BriefRevision.DRAFT, with(current.brief(), sections, form.date()), user,
                "added item " + item.id());
    }

    /**
     * Replaces an item with what the form says: title, date, sub-heading, text, sources, and its section (moved to
     * the end of another section, under a new id there). Its meeting and UPR review stay. A new draft.
     */
    public int editItem(String situation, int base, String itemId, ItemForm form, String user) throws AppException {
        Current current = current(situation);
        Item old = null;
        SectionKind from = null;
        for (Section section : current.brief().sections()) {
            for (Item item : section.items()) {
                if (item.id().equals(itemId)) {
                    old = item;
                    from = section.kind();
                }
            }
        }
        if (old == null) {
            throw new AppException("the brief on '" + situation + "' has no item '" + itemId + "'");
        }
        SectionKind to = form.section() == null ? from : form.section();
        Item edited = item(form, old, from == to, current.brief().section(to));
        edited = new Item(edited.id(), edited.title(), edited.date(), edited.subHeading(), edited.numbered(),
                edited.paragraphs(), edited.sources(), old.meeting(), old.uprReview());
        List<Section> sections = new ArrayList<>();
        for (Section section : current.brief().sections()) {
            List<Item> items = new ArrayList<>();
            for (Item item : section.items()) {
                if (item.id().equals(itemId)) {
                    if (from == to) {
                        items.add(edited);
                    }
                } else {
                    items.add(item);
                }
            }
            if (from != to && section.kind() == to) {
                items.add(edited);
            }
            sections.add(new Section(section.kind(), items));
        }
        String note = "edited item " + itemId + (from == to ? "" : ", moved to " + to.id() + " as " + edited.id());
        return save(situation, base, BriefRevision.DRAFT, with(current.brief(), sections, form.date()), user,
                note);
    }

    /**
     * Replaces an item's title, date (null keeps it) and text, keeping its section, sub-heading and sources; a new
     * draft.
     */
    public int editItem(String situation, int base, String itemId, String title, LocalDate date, String text,
            String user) throws AppException {
        Item old = current(situation).brief().sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.id().equals(itemId)).findFirst().orElseThrow(() -> new AppException(
                        "the brief on '" + situation + "' has no item '" + itemId + "'"));
        return editItem(situation, base, itemId, new ItemForm(null, title, date != null ? date : old.date(),
                old.subHeading(), text, sourceLines(old.sources())), user);
    }

    /** Takes an item out of the brief; a new draft (an earlier version can bring it back). */
    public int removeItem(String situation, int base, String itemId, String user) throws AppException {
        Current current = current(situation);
        List<Section> sections = new ArrayList<>();
        boolean found = false;
        for (Section section : current.brief().sections()) {
            List<Item> items = new ArrayList<>(section.items());
            found |= items.removeIf(i -> i.id().equals(itemId));
            sections.add(new Section(section.kind(), items));
        }
        if (!found) {
            throw new AppException("the brief on '" + situation + "' has no item '" + itemId + "'");
        }
        return save(situation, base, BriefRevision.DRAFT, with(current.brief(), sections, null), user,
                "removed item " + itemId);
    }

    /** Renames the situation and sets the state it concerns (null for a thematic one); a new draft. */
    public int editSituation(String situation, int base, String name, String stateCode, String user)
            throws AppException {
        return editSituation(situation, base, name, stateCode, null, user);
    }

    /**
     * Renames the situation, sets the state it concerns (null for a thematic one) and, when {@code intro} is not null,
     * replaces the brief's introduction (a blank line between paragraphs; empty for none); a new draft.
     */
    public int editSituation(String situation, int base, String name, String stateCode, String intro, String user)
            throws AppException {
        if (name == null || name.isBlank()) {
            throw new AppException("a situation needs a name");
        }
        Brief b = current(situation).brief();
        List<String> paragraphs = intro == null ? b.intro() : blocks(intro);
        Brief renamed = new Brief(b.situation(), name.strip(), b.asOf(), b.updated(), paragraphs, b.sections(),
                b.uprReviews());
        return saveWithState(situation, base, BriefRevision.DRAFT, renamed, stateCode, user, "named the situation "
                + name.strip() + (stateCode == null ? "" : " (" + stateCode + ")")
                + (intro == null || paragraphs.equals(b.intro()) ? "" : "; new introduction"));
    }

    /** Moves an item one place up ({@code -1}) or down ({@code +1}) in its section; a new draft. */
    public int moveItem(String situation, int base, String itemId, int step, String user) throws AppException {
        if (step != -1 && step != 1) {
            throw new AppException("an item moves one place up or down");
        }
        Current current = current(situation);
        List<Section> sections = new ArrayList<>();
        boolean found = false;
        for (Section section : current.brief().sections()) {
            List<Item> items = new ArrayList<>(section.items());
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id().equals(itemId)) {
                    found = true;
                    int to = i + step;
                    if (to < 0 || to >= items.size()) {
                        throw new AppException("item " + itemId + " is already " + (step < 0 ? "first" : "last")
                                + " in its section");
                    }
                    java.util.Collections.swap(items, i, to);
                    break;
                }
            }
            sections.add(new Section(section.kind(), items));
        }
        if (!found) {
            throw new AppException("the brief on '" + situation + "' has no item '" + itemId + "'");
        }
        return save(situation, base, BriefRevision.DRAFT, with(current.brief(), sections, null), user,
                "moved item " + itemId + (step < 0 ? " up" : " down"));
    }

    private static List<String> blocks(String text) {
        List<String> out = new ArrayList<>();
        for (String block : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!block.isBlank()) {
                out.add(block.strip().replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    /**
     * What an editor should know before saving this form's text: member lists opening a sentence of the comments that
     * will be written in a brief's order ("The US and France" becomes "France and the US"). Empty for other sections.
     */
    public List<String> notes(ItemForm form) {
        List<String> notes = new ArrayList<>();
        if (form.section() != SectionKind.COMMENTS || form.text() == null || !known(form.date())) {
            return notes;
        }
        Composition composition = membership.on(form.date());
        for (String text : blocks(form.text())) {
            memberLists.withMemberLists(composition, text, "Note", notes);
        }
        return notes;
    }

    /** Whether the Council's composition on this day is known (1946 to the last year of the shipped terms). */
    private boolean known(LocalDate date) {
        return date != null && date.getYear() >= Membership.FIRST_YEAR && date.getYear() <= membership.lastKnownYear();
    }

    /** The lines of an item's sources as the form shows them. */
    public static String sourceLines(List<Source> sources) {
        StringBuilder out = new StringBuilder();
        for (Source source : sources) {
            out.append(source.url() != null ? source.url()
                    : source.symbol() + (source.paragraph() == null ? "" : ", " + source.paragraph())).append('\n');
        }
        return out.toString();
    }

    /**
     * Checks a form and builds the item: {@code old} keeps its id when {@code inPlace}, else it gets a new one at the
     * end of {@code section}; in the comments, member lists that open a sentence become structure again. A new item
     * needs a source; an item published without one may be edited without adding one.
     */
    private Item item(ItemForm form, Item old, boolean inPlace, Section section) throws AppException {
        if (form.title() == null || form.title().isBlank()) {
            throw new AppException("an item needs a title");
        }
        if (form.text() == null || form.text().isBlank()) {
            throw new AppException("an item needs a text");
        }
        if (form.date() == null) {
            throw new AppException("an item needs a date");
        }
        if (!known(form.date())) {
            throw new AppException("an item's date is between " + Membership.FIRST_YEAR + " and the last year whose"
                    + " Council is known (" + membership.lastKnownYear() + ")");
        }
        List<Source> parsed = sources(form.sources());
        if (parsed.isEmpty() && (old == null || !old.sources().isEmpty())) {
            throw new AppException("an item needs at least one source: a symbol (and paragraph) or a URL");
        }
        String id = inPlace ? old.id() : null;
        for (int n = section.items().size() + 1; id == null; n++) {
            String candidate = section.kind().id() + "-" + n;
            if (section.items().stream().noneMatch(i -> i.id().equals(candidate))) {
                id = candidate;
            }
        }
        Composition composition = membership.on(form.date());
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String text : blocks(form.text())) {
            paragraphs.add(section.kind() == SectionKind.COMMENTS
                    ? memberLists.withMemberLists(composition, text, "item " + id, new ArrayList<>())
                    : Paragraph.of(text));
        }
        String subHeading = form.subHeading() == null || form.subHeading().isBlank() ? null
                : form.subHeading().strip();
        return new Item(id, form.title().strip(), form.date(), subHeading, inPlace ? old.numbered()
                : section.kind() != SectionKind.OUTCOMES, paragraphs, parsed, null, null);
    }

    /** The brief with new sections; a later item date moves the brief's date and "Updated" line forward. */
    private static Brief with(Brief b, List<Section> sections, LocalDate itemDate) {
        LocalDate asOf = itemDate != null && (b.asOf() == null || itemDate.isAfter(b.asOf())) ? itemDate : b.asOf();
        Updated updated = asOf != null && !asOf.equals(b.asOf()) ? Updated.on(asOf) : b.updated();
        return new Brief(b.situation(), b.situationName(), asOf, updated, b.intro(), sections, b.uprReviews());
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

    public int submit(String situation, int base, String user) throws AppException {
        Current current = current(situation);
        if (!current.status().equals(BriefRevision.DRAFT)) {
            throw new AppException("only a draft can be sent for review (this version is " + current.status() + ")");
        }
        return save(situation, base, BriefRevision.REVIEW, current.brief(), user, "sent for review");
    }

    public int publish(String situation, int base, String user, boolean mayPublish) throws AppException {
        if (!mayPublish) {
            throw new NotAllowedException("only a reviewer or an admin publishes");
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

    /** The newest versions of every brief, without their bodies. */
    public List<BriefRevision> recentRevisions(int limit) {
        return revisions.recent(limit);
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

    /** Saves a version; the situation keeps the state it concerns. */
    private int save(String situation, int base, String status, Brief brief, String user, String note)
            throws AppException {
        return saveWithState(situation, base, status, brief, situations.find(situation)
                .map(Situation::stateCode).orElse(null), user, note);
    }

    /** Saves a version; {@code stateCode} is the state the situation concerns from now on, or null for none. */
    private int saveWithState(String situation, int base, String status, Brief brief, String stateCode,
            String user, String note) throws AppException {
        if (base == 0 && revisions.latest(situation).isEmpty()) {
            // The first save through the workflow keeps the brief as it was as version 1, published.
            base = revisions.add(situation, 0, BriefRevision.PUBLISHED, null, stateCode,
                    BriefJson.write(current(situation).brief()), user, "the brief as it was published");
        }
        return revisions.add(situation, base, status, brief, stateCode, BriefJson.write(brief), user, note);
    }
}
