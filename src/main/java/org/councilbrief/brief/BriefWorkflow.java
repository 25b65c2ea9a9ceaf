package org.councilbrief.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbrief.AppException;
import org.councilbrief.Forms;
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
    /** Gives what a version's pictures draw from, kept with it when it is published (decision 0049). */
    private final BriefPictures.Maker pictures;
    private final SituationRepository situations;
    private final BriefComposer composer;
    private final java.util.function.Supplier<Membership> membership;
    private final java.time.Clock clock;
    private final BriefTextImporter memberLists;
    private final org.councilbrief.upr.UprRepository uprs;

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
        this(database, () -> membership, java.time.Clock.systemDefaultZone());
    }

    /**
     * @param membership the Council's composition as recorded now, asked for at each use (decision 0026)
     * @param clock what "today" is: the date a new brief starts from
     */
    public BriefWorkflow(Database database, java.util.function.Supplier<Membership> membership,
            java.time.Clock clock) {
        this(database, membership, clock, BriefPictures.Maker.NONE);
    }

    /**
     * @param membership the Council's composition as recorded now, asked for at each use (decision 0026)
     * @param clock what "today" is: the date a new brief starts from
     * @param pictures what a published version's pictures are drawn from, kept with it at publication (decision 0049)
     */
    public BriefWorkflow(Database database, java.util.function.Supplier<Membership> membership,
            java.time.Clock clock, BriefPictures.Maker pictures) {
        this.pictures = pictures;
        this.briefs = new BriefRepository(database.jdbi());
        this.revisions = new BriefRevisionRepository(database.jdbi());
        this.situations = new SituationRepository(database.jdbi());
        this.composer = new BriefComposer(membership);
        this.membership = membership;
        this.clock = clock;
        this.memberLists = new BriefTextImporter(membership.get());
        this.uprs = new org.councilbrief.upr.UprRepository(database.jdbi());
    }

    /** The Council's composition as recorded now. */
    public Membership membership() {
        return membership.get();
    }

    /** Today, by the workflow's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Current current(String situation) throws AppException {
        Optional<BriefRevision> latest = revisions.latest(situation);
        if (latest.isPresent()) {
            return new Current(latest.get().version(), latest.get().status(), BriefJson.read(latest.get().body()));
        }
        Brief working = briefs.find(situation).orElseThrow(() -> new AppException("no brief on '"
                + Forms.excerpt(situation) + "'"));
        return new Current(0, BriefRevision.PUBLISHED, working);
    }

    /** The brief the public reads: the latest published version, or the working copy of a brief never revised. */
    public Optional<Brief> published(String situation) throws AppException {
        return publishedVersion(situation).map(Published::brief);
    }

    /**
     * The brief the public reads and what its pictures were drawn from when it was published.
     *
     * @param pictures the data {@link BriefPictures.Maker#record} gave at its publication, or null: a version
     *     published before it was kept, or the working copy of a brief never revised (both drawn from the data now)
     */
    public record Published(Brief brief, String pictures) {
    }

    /** {@link #published}, with what its pictures were drawn from, read from the same version. */
    public Optional<Published> publishedVersion(String situation) throws AppException {
        Optional<BriefRevisionRepository.Published> published = revisions.latestPublishedWithPictures(situation);
        if (published.isPresent()) {
            return Optional.of(new Published(BriefJson.read(published.get().revision().body()),
                    published.get().pictures()));
        }
        return revisions.latest(situation).isPresent() ? Optional.empty()
                : briefs.find(situation).map(b -> new Published(b, null));
    }

    /** Starts the brief on a new situation: an empty brief in four sections, saved as version 1, a draft. */
    public int create(String id, String name, String stateCode, LocalDate asOf, String user) throws AppException {
        Map<String, String> errors = startProblems(id, name);
        if (!errors.isEmpty()) {
            throw new FormException(errors);
        }
        List<Section> sections = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            sections.add(new Section(kind, List.of()));
        }
        Brief brief = new Brief(id, name.strip(), asOf, Updated.on(asOf), List.of(), sections, List.of());
        return revisions.add(id, 0, BriefRevision.DRAFT, brief, stateCode, BriefJson.write(brief), user,
                "started the brief");
    }

    /** What is wrong with the id and name of a brief to start ("id", "name"); empty when it can be started. */
    public Map<String, String> startProblems(String id, String name) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (id == null || id.isBlank()) {
            errors.put("id", "give the situation an id: 2 to 61 lower-case letters, digits or hyphens (e.g."
                    + " south-sudan)");
        } else if (Forms.tooLong(id, FieldLimits.SITUATION_ID, "a situation's id") != null) {
            errors.put("id", Forms.tooLong(id, FieldLimits.SITUATION_ID, "a situation's id"));
        } else if (!id.matches("[a-z0-9][a-z0-9-]{1,60}")) {
            errors.put("id", "a situation's id is 2 to 61 lower-case letters, digits or hyphens (e.g. south-sudan)");
        } else if (situations.find(id).isPresent()) {
            errors.put("id", "there is already a situation '" + id + "'");
        }
        if (name == null || name.isBlank()) {
            errors.put("name", "a situation needs a name");
        } else if (Forms.tooLong(name.strip(), FieldLimits.SITUATION_NAME, "a situation's name") != null) {
            errors.put("name", Forms.tooLong(name.strip(), FieldLimits.SITUATION_NAME, "a situation's name"));
        }
        return errors;
    }

    /**
     * Adds an item at the end of a section: title, date, sub-heading, text (a blank line between paragraphs) and
     * sources, one a line: a symbol with an optional paragraph ("S/RES/2690 (2023), OP8") or a URL. A new draft.
     */
    public int addItem(String situation, int base, SectionKind section, String title, LocalDate date,
            String subHeading, String text, String sources, String user) throws AppException {
        return addItem(situation, base, new ItemForm(section, title, date, subHeading, text, sources), null, user)
                .version();
    }

    /**
     * What an add did: the new version, the item's id, and the brief's new date when the item, dated later, moved it
     * (else null).
     */
    public record Added(int version, String item, LocalDate asOf) {
    }

    /**
     * Adds an item from an editor's form at the end of its section; a new draft. The same item is never added twice:
     * refused, naming the item already there, when {@code token} (the form's own, or null) was saved before, when the
     * section has an item of the same title and date, or, in the comments, when an item already reports the meeting
     * whose record the form cites.
     */
    public Added addItem(String situation, int base, ItemForm form, String token, String user) throws AppException {
        String key = token == null || !token.matches("[A-Za-z0-9_-]{8,64}") ? null : token;
        if (key != null) {
            Optional<String> sent = revisions.itemOfToken(situation, key);
            if (sent.isPresent()) {
                throw new DuplicateItemException("this form was sent already, and its item added once", sent.get(),
                        true);
            }
        }
        Current current = current(situation);
        Map<String, String> errors = problems(form, null);
        if (!errors.isEmpty()) {
            throw new FormException(errors);
        }
        Optional<DuplicateItemException> duplicate = duplicate(current.brief(), form);
        if (duplicate.isPresent()) {
            // The same form, saved by its first send since the token was looked up, is answered as a repeat.
            Optional<String> sent = key == null ? Optional.empty() : revisions.itemOfToken(situation, key);
            if (sent.isPresent()) {
                throw new DuplicateItemException("this form was sent already, and its item added once", sent.get(),
                        true);
            }
            throw duplicate.get();
        }
        SectionKind section = form.section();
        Item item = item(form, null, false, current.brief().section(section));
        if (section == SectionKind.COMMENTS) {
            item = new Item(item.id(), item.title(), item.date(), item.subHeading(), item.numbered(), item.paragraphs(),
                    item.sources(), meetingOf(item.sources()), null);
        }
        List<Section> sections = new ArrayList<>();
        for (Section s : current.brief().sections()) {
            List<Item> items = new ArrayList<>(s.items());
            if (s.kind() == section) {
                items.add(item);
            }
            sections.add(new Section(s.kind(), items));
        }
        Brief next = with(current.brief(), sections, form.date());
        int version = save(situation, base, BriefRevision.DRAFT, next, user, "added item " + item.id(),
                new BriefRevisionRepository.Extra(null, key, item.id()));
        return new Added(version, item.id(), next.asOf().equals(current.brief().asOf()) ? null : next.asOf());
    }

    /**
     * Whether a form repeats an item now in the brief: its token was saved, or the brief has an item it would
     * duplicate. Asked after a form lost a race with another save, so that a double submit is answered as one.
     */
    public Optional<DuplicateItemException> repeated(String situation, ItemForm form, String token)
            throws AppException {
        if (token != null && token.matches("[A-Za-z0-9_-]{8,64}")) {
            Optional<String> sent = revisions.itemOfToken(situation, token);
            if (sent.isPresent()) {
                return Optional.of(new DuplicateItemException("this form was sent already, and its item added once",
                        sent.get(), true));
            }
        }
        if (form.section() == null || !problems(form, null).isEmpty()) {
            return Optional.empty();
        }
        return duplicate(current(situation).brief(), form);
    }

    /** The situations that have a brief, by name. */
    public List<Situation> situations() {
        return briefs.situationsWithBriefs().stream().map(Map.Entry::getKey).toList();
    }

    /** The meeting record among an item's sources (S/PV.9350), or null. */
    private static String meetingOf(List<Source> sources) {
        return sources.stream().map(Source::symbol).filter(java.util.Objects::nonNull)
                .filter(s -> org.councilbrief.document.Symbols.tryParse(s).map(sym -> sym.series()
                        == org.councilbrief.document.Series.SC_MEETING).orElse(false))
                .findFirst().orElse(null);
    }

    /** The item a form would repeat: same section, title and date; or, in the comments, the same meeting. */
    private static Optional<DuplicateItemException> duplicate(Brief brief, ItemForm form) throws AppException {
        String title = normal(form.title());
        for (Item item : brief.section(form.section()).items()) {
            if (normal(item.title()).equals(title) && java.util.Objects.equals(item.date(), form.date())) {
                return Optional.of(new DuplicateItemException("this section already has an item with this title and"
                        + " date; nothing was added", item.id(), false));
            }
        }
        if (form.section() == SectionKind.COMMENTS) {
            String meeting = meetingOf(sources(form.sources()));
            for (Item item : brief.section(SectionKind.COMMENTS).items()) {
                if (meeting != null && (meeting.equals(item.meeting()) || item.sources().stream()
                        .anyMatch(src -> meeting.equals(src.symbol())))) {
                    return Optional.of(new DuplicateItemException("the comments on meeting " + meeting + " are already"
                            + " an item of the brief; nothing was added", item.id(), false));
                }
            }
        }
        return Optional.empty();
    }

    private static String normal(String title) {
        String t = title == null ? "" : title.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
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
            throw new AppException("the brief on '" + situation + "' has no item '" + Forms.excerpt(itemId) + "'");
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
                        "the brief on '" + situation + "' has no item '" + Forms.excerpt(itemId)
                        + "'"));
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
            throw new AppException("the brief on '" + situation + "' has no item '" + Forms.excerpt(itemId) + "'");
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
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "a situation needs a name");
        } else if (Forms.tooLong(name.strip(), FieldLimits.SITUATION_NAME, "a situation's name") != null) {
            errors.put("name", Forms.tooLong(name.strip(), FieldLimits.SITUATION_NAME, "a situation's name"));
        }
        if (intro != null && Forms.tooLong(intro.strip(), FieldLimits.INTRO, "an introduction") != null) {
            errors.put("intro", Forms.tooLong(intro.strip(), FieldLimits.INTRO, "an introduction"));
        }
        if (!errors.isEmpty()) {
            throw new FormException(errors);
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
            throw new AppException("the brief on '" + situation + "' has no item '" + Forms.excerpt(itemId) + "'");
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
        Composition composition = membership.get().on(form.date());
        for (String text : blocks(form.text())) {
            memberLists.withMemberLists(composition, text, "Note", notes);
        }
        return notes;
    }

    /** What a form says when a date's Council is not known. */
    public String unknownCouncil(LocalDate date) {
        return known(date) ? null : "the brief's date is in " + Membership.FIRST_YEAR + " or later, when the Security"
                + " Council first met";
    }

    /**
     * Whether the Council existed on this day (from 1946). A day whose elected members are not all recorded yet is
     * accepted: its brief shows the members that are, and says so (decision 0026).
     */
    private boolean known(LocalDate date) {
        return date != null && date.getYear() >= Membership.FIRST_YEAR;
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
        Map<String, String> errors = problems(form, old);
        if (!errors.isEmpty()) {
            throw new FormException(errors);
        }
        List<Source> parsed = sources(form.sources());
        String id = inPlace ? old.id() : null;
        for (int n = section.items().size() + 1; id == null; n++) {
            String candidate = section.kind().id() + "-" + n;
            if (section.items().stream().noneMatch(i -> i.id().equals(candidate))) {
                id = candidate;
            }
        }
        Composition composition = membership.get().on(form.date());
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

    /**
     * What is wrong with an item's form, field by field ("title", "date", "body", "sources", "section",
     * "subHeading"); empty when it can be saved. {@code old} is the item edited, or null for a new one: an item
     * published without a source may be edited without adding one.
     */
    public Map<String, String> problems(ItemForm form, Item old) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (form.section() == null && old == null) {
            errors.put("section", "choose a section");
        }
        if (form.title() == null || form.title().isBlank()) {
            errors.put("title", "an item needs a title");
        } else if (Forms.tooLong(form.title().strip(), FieldLimits.TITLE, "a title") != null) {
            errors.put("title", Forms.tooLong(form.title().strip(), FieldLimits.TITLE, "a title"));
        }
        if (form.date() == null) {
            errors.put("date", "an item needs a date");
        } else if (!known(form.date())) {
            errors.put("date", "an item's date is in " + Membership.FIRST_YEAR + " or later, when the Security Council"
                    + " first met");
        }
        if (form.subHeading() != null
                && Forms.tooLong(form.subHeading().strip(), FieldLimits.SUB_HEADING, "a sub-heading") != null) {
            errors.put("subHeading", Forms.tooLong(form.subHeading().strip(), FieldLimits.SUB_HEADING,
                    "a sub-heading"));
        }
        if (form.text() == null || form.text().isBlank()) {
            errors.put("body", "an item needs a text");
        } else if (Forms.tooLong(form.text().strip(), FieldLimits.BODY, "an item's text") != null) {
            errors.put("body", Forms.tooLong(form.text().strip(), FieldLimits.BODY, "an item's text"));
        }
        if (form.sources() != null && Forms.tooLong(form.sources().strip(), FieldLimits.SOURCES,
                "the sources") != null) {
            errors.put("sources", Forms.tooLong(form.sources().strip(), FieldLimits.SOURCES, "the sources"));
            return errors;
        }
        try {
            List<Source> parsed = sources(form.sources());
            if (parsed.isEmpty() && (old == null || !old.sources().isEmpty())) {
                errors.put("sources", "an item needs at least one source: a symbol (and paragraph) or an address");
            }
        } catch (AppException e) {
            errors.put("sources", e.getMessage());
        }
        return errors;
    }

    /** The problems of a form for an item of the brief ({@code itemId} null for a new item). */
    public Map<String, String> problems(String situation, String itemId, ItemForm form) throws AppException {
        Item old = itemId == null ? null : current(situation).brief().sections().stream()
                .flatMap(s -> s.items().stream()).filter(i -> i.id().equals(itemId)).findFirst().orElse(null);
        return problems(form, old);
    }

    static List<Source> sources(String text) throws AppException {
        List<Source> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String l = lines[n].strip();
            if (l.isEmpty()) {
                continue;
            }
            String where = lines.length > 1 ? "line " + (n + 1) + ": " : "";
            if (l.startsWith("https://") || l.startsWith("http://")) {
                if (l.length() > FieldLimits.ADDRESS) {
                    throw new AppException(where + Forms.tooLong(l, FieldLimits.ADDRESS, "an address"));
                }
                out.add(new Source(null, null, l));
                continue;
            }
            int comma = l.lastIndexOf(',');
            String symbolText = comma > 0 ? l.substring(0, comma) : l;
            String paragraph = comma > 0 ? l.substring(comma + 1).strip() : null;
            org.councilbrief.document.Symbol symbol;
            try {
                symbol = org.councilbrief.document.Symbols.parse(symbolText);
            } catch (AppException e) {
                throw new AppException(where + e.getMessage() + ", or an address starting with https://", e);
            }
            try {
                if (paragraph != null) {
                    paragraph = org.councilbrief.document.ParagraphRef.parse(paragraph).toString();
                }
            } catch (AppException e) {
                throw new AppException(where + e.getMessage(), e);
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
        if (!current.status().equals(BriefRevision.DRAFT) && !current.status().equals(BriefRevision.SENT_BACK)) {
            throw new AppException("only a draft can be sent for review (this version is "
                    + BriefRevision.label(current.status()) + ")");
        }
        return save(situation, base, BriefRevision.REVIEW, current.brief(), user, "sent for review");
    }

    /** Publishes a brief in review, if someone other than {@code user} made its last change. */
    public int publish(String situation, int base, String user, boolean mayPublish) throws AppException {
        return publish(situation, base, user, mayPublish, false);
    }

    /**
     * Publishes a brief in review. Unless {@code ownChanges} (an office that turned the rule off), a second person
     * publishes: not the one who made the last change to the brief's text, the latest draft version up to
     * {@code base}.
     */
    public int publish(String situation, int base, String user, boolean mayPublish, boolean ownChanges)
            throws AppException {
        if (!mayPublish) {
            throw new NotAllowedException("only a reviewer or an admin publishes");
        }
        Current current = current(situation);
        if (!current.status().equals(BriefRevision.REVIEW)) {
            throw new AppException("only a brief in review can be published (this version is "
                    + BriefRevision.label(current.status()) + ")");
        }
        if (!ownChanges) {
            Optional<BriefRevision> lastChange = lastChange(situation, base);
            if (lastChange.isPresent() && lastChange.get().author().equals(user)) {
                throw new NotAllowedException("you made the last change to this brief (version "
                        + lastChange.get().version() + "), so another reviewer or an admin publishes it: a second"
                        + " person reads every change before the public does");
            }
        }
        return save(situation, base, BriefRevision.PUBLISHED, current.brief(), user, "published");
    }

    /**
     * The version that last changed the brief's text up to {@code base} (its latest draft version), whose author may
     * not publish it while the office keeps the second-person rule; empty for a brief never edited here.
     */
    public Optional<BriefRevision> lastChange(String situation, int base) {
        return revisions.history(situation).stream()
                .filter(r -> r.version() <= base && r.status().equals(BriefRevision.DRAFT)).findFirst();
    }

    /**
     * A reviewer (or admin) sends a brief in review back to its editors with a comment, which the brief's page shows
     * them until they send it for review again; a new version, kept in the history with the comment.
     */
    public int sendBack(String situation, int base, String comment, String user, boolean mayReview)
            throws AppException {
        if (!mayReview) {
            throw new NotAllowedException("only a reviewer or an admin sends a brief back");
        }
        Current current = current(situation);
        if (!current.status().equals(BriefRevision.REVIEW)) {
            throw new AppException("only a brief in review can be sent back (this version is "
                    + BriefRevision.label(current.status()) + ")");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw FormException.of("comment", "say what should change: the editors read this comment on the brief's"
                    + " page");
        }
        if (Forms.tooLong(text, FieldLimits.COMMENT, "a comment") != null) {
            throw FormException.of("comment", Forms.tooLong(text, FieldLimits.COMMENT, "a comment"));
        }
        return save(situation, base, BriefRevision.SENT_BACK, current.brief(), user, "sent back to the editors",
                new BriefRevisionRepository.Extra(text, null, null));
    }

    /**
     * The version that sent the brief back, while its comment is still open: from a reviewer's sending back until the
     * brief is sent for review again (or published).
     */
    public Optional<BriefRevision> openComment(String situation) {
        for (BriefRevision r : revisions.history(situation)) {
            if (r.status().equals(BriefRevision.SENT_BACK)) {
                return Optional.of(r);
            }
            if (r.status().equals(BriefRevision.REVIEW) || r.status().equals(BriefRevision.PUBLISHED)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The brief's status in the workspace's words: draft, in review, sent back (still open) or published. */
    public String statusLabel(String situation, String status) {
        if (!status.equals(BriefRevision.REVIEW) && !status.equals(BriefRevision.PUBLISHED)
                && openComment(situation).isPresent()) {
            return BriefRevision.label(BriefRevision.SENT_BACK);
        }
        return BriefRevision.label(status);
    }

    /**
     * Sets the brief's date, the day it is written as of: its "Updated" line, and the Council whose members' UPR
     * recommendations it lists. Not before its latest item: a brief is as of its newest fact or later. A new draft.
     */
    public int setAsOf(String situation, int base, LocalDate date, String user) throws AppException {
        if (date == null) {
            throw FormException.of("asOf", "give the brief's date");
        }
        if (!known(date)) {
            throw FormException.of("asOf", unknownCouncil(date));
        }
        Brief b = current(situation).brief();
        Optional<Item> later = b.sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.date() != null && i.date().isAfter(date))
                .max(java.util.Comparator.comparing(Item::date));
        if (later.isPresent()) {
            throw FormException.of("asOf", "the item '" + later.get().title() + "' is dated "
                    + BriefComposer.DATE.format(later.get().date()) + ", after this date; a brief is as of its latest"
                    + " item's date or later");
        }
        if (date.equals(b.asOf()) && b.updated().date() != null) {
            throw FormException.of("asOf", "the brief is already as of " + BriefComposer.DATE.format(date));
        }
        Brief dated = new Brief(b.situation(), b.situationName(), date, Updated.on(date), b.intro(), b.sections(),
                b.uprReviews());
        return save(situation, base, BriefRevision.DRAFT, dated, user, "set the brief's date to " + date);
    }

    /** An imported UPR review that the brief's UPR item can draw on. */
    public record UprChoice(String id, LocalDate date, int cycle, String report, int recommendations, int members,
            String item) {
    }

    /**
     * The imported reviews of the state the situation concerns, newest first: each with its recommendations, how many
     * of the Council's members on the brief's date it lists, and the item that already shows it (or null).
     */
    public List<UprChoice> uprChoices(String situation) throws AppException {
        String state = situations.find(situation).map(Situation::stateCode).orElse(null);
        if (state == null) {
            return List.of();
        }
        Brief brief = current(situation).brief();
        Composition council = known(brief.asOf()) ? membership.get().on(brief.asOf()) : null;
        List<UprChoice> out = new ArrayList<>();
        for (org.councilbrief.upr.UprReview review : uprs.reviewsOf(state).reversed()) {
            java.util.Set<String> members = new java.util.HashSet<>();
            review.recommendations().forEach(r -> members.addAll(r.recommendingStates()));
            review.participants().forEach(p -> members.add(p.code()));
            int listed = council == null ? 0 : (int) council.codes().stream().filter(members::contains).count();
            String item = brief.section(SectionKind.COMMENTS).items().stream()
                    .filter(i -> review.id().equals(i.uprReview())).map(Item::id).findFirst().orElse(null);
            out.add(new UprChoice(review.id(), review.date(), review.cycle(), review.report(),
                    review.recommendations().size(), listed, item));
        }
        return out;
    }

    /**
     * Adds the UPR item to the comments: an imported review of the situation's state, whose recommendations by the
     * Council's members on the brief's date the brief lists, member by member, as the reference brief does. A review
     * already in the brief is not added again. A new draft.
     */
    public Added attachUpr(String situation, int base, String reviewId, String user) throws AppException {
        if (reviewId == null || reviewId.isBlank()) {
            throw FormException.of("review", "choose a review");
        }
        org.councilbrief.upr.UprReview review = uprs.find(reviewId.strip()).orElseThrow(() -> FormException.of(
                "review", "no UPR review '" + Forms.excerpt(reviewId) + "' has been imported"));
        String state = situations.find(situation).map(Situation::stateCode).orElse(null);
        if (!review.stateUnderReview().equals(state)) {
            throw FormException.of("review", "that is a review of " + membership.get().states()
                    .byCode(review.stateUnderReview()).map(org.councilbrief.council.State::shortName)
                    .orElse(review.stateUnderReview()) + ", not of the state this situation concerns");
        }
        if (!known(review.date())) {
            throw FormException.of("review", "the review's date is before " + Membership.FIRST_YEAR);
        }
        Current current = current(situation);
        Brief brief = current.brief();
        for (Item item : brief.section(SectionKind.COMMENTS).items()) {
            if (review.id().equals(item.uprReview())) {
                throw new DuplicateItemException("this review is already in the brief; nothing was added", item.id(),
                        false);
            }
        }
        String name = membership.get().states().byCode(state).map(org.councilbrief.council.State::shortName)
                .orElse(brief.situationName());
        String text = "On " + BriefComposer.DATE.format(review.date()) + ", the Human Rights Council held the"
                + " Universal Periodic Review of " + name + ". Below are the recommendations offered by Security"
                + " Council members (toggle to view):";
        Section comments = brief.section(SectionKind.COMMENTS);
        String id = null;
        for (int n = comments.items().size() + 1; id == null; n++) {
            String candidate = SectionKind.COMMENTS.id() + "-" + n;
            if (comments.items().stream().noneMatch(i -> i.id().equals(candidate))) {
                id = candidate;
            }
        }
        Item item = new Item(id, "UPR recommendations for " + name, review.date(), null, true,
                List.of(Paragraph.of(text)), List.of(uprSource(review)), null, review.id());
        List<Section> sections = new ArrayList<>();
        for (Section s : brief.sections()) {
            List<Item> items = new ArrayList<>(s.items());
            if (s.kind() == SectionKind.COMMENTS) {
                items.add(item);
            }
            sections.add(new Section(s.kind(), items));
        }
        List<org.councilbrief.upr.UprReview> reviews = new ArrayList<>(brief.uprReviews());
        reviews.removeIf(r -> r.id().equals(review.id()));
        reviews.add(review);
        Brief withReview = new Brief(brief.situation(), brief.situationName(), brief.asOf(), brief.updated(),
                brief.intro(), brief.sections(), reviews);
        Brief next = with(withReview, sections, review.date());
        int version = save(situation, base, BriefRevision.DRAFT, next, user, "attached UPR review " + review.id()
                + " as item " + id);
        return new Added(version, id, next.asOf().equals(brief.asOf()) ? null : next.asOf());
    }

    /** Where a review's recommendations are read: its Working Group report, else where they were imported from. */
    private static Source uprSource(org.councilbrief.upr.UprReview review) {
        for (String text : java.util.Arrays.asList(review.report(), review.source())) {
            if (text == null) {
                continue;
            }
            var symbol = org.councilbrief.document.Symbols.tryParse(text);
            if (symbol.isPresent()) {
                return new Source(symbol.get().canonical(), null, null);
            }
            if (text.startsWith("https://")) {
                return new Source(null, null, text);
            }
        }
        return new Source(null, null, "https://www.ohchr.org/en/hr-bodies/upr/documentation");
    }

    /** The word limits set on the sections of the brief. */
    public Map<SectionKind, Integer> wordLimits(String situation) {
        return briefs.wordLimits(situation);
    }

    /**
     * Sets the word limit of each section from a form's fields (a blank field for none): a section over its limit is
     * flagged on the brief's page and in the workspace, never refused. Logged in the change log.
     */
    public void setWordLimits(String situation, Map<SectionKind, String> fields, String user) throws AppException {
        current(situation);
        Map<SectionKind, Integer> limits = new java.util.EnumMap<>(SectionKind.class);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (SectionKind kind : SectionKind.values()) {
            String text = fields.get(kind) == null ? "" : fields.get(kind).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                int words = Integer.parseInt(text);
                if (words < 1 || words > 100_000) {
                    throw new NumberFormatException();
                }
                limits.put(kind, words);
            } catch (NumberFormatException e) {
                errors.put("limit-" + kind.id(), "a limit is a number of words from 1 to 100,000, or empty for none");
            }
        }
        if (!errors.isEmpty()) {
            throw new FormException(errors);
        }
        briefs.saveWordLimits(situation, limits, user);
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
        return save(situation, base, status, brief, user, note, BriefRevisionRepository.Extra.NONE);
    }

    private int save(String situation, int base, String status, Brief brief, String user, String note,
            BriefRevisionRepository.Extra extra) throws AppException {
        return saveWithState(situation, base, status, brief, situations.find(situation)
                .map(Situation::stateCode).orElse(null), user, note, extra);
    }

    /** Saves a version; {@code stateCode} is the state the situation concerns from now on, or null for none. */
    private int saveWithState(String situation, int base, String status, Brief brief, String stateCode,
            String user, String note) throws AppException {
        return saveWithState(situation, base, status, brief, stateCode, user, note,
                BriefRevisionRepository.Extra.NONE);
    }

    private int saveWithState(String situation, int base, String status, Brief brief, String stateCode,
            String user, String note, BriefRevisionRepository.Extra extra) throws AppException {
        if (base == 0 && revisions.latest(situation).isEmpty()) {
            // The first save through the workflow keeps the brief as it was as version 1, published, its pictures
            // as they are drawn now (what the public saw until this save).
            Brief shown = current(situation).brief();
            base = revisions.add(situation, 0, BriefRevision.PUBLISHED, null, stateCode, BriefJson.write(shown),
                    user, "the brief as it was published", BriefRevisionRepository.Extra.NONE.withPictures(
                            pictures.record(shown)));
        }
        BriefRevisionRepository.Extra kept = status.equals(BriefRevision.PUBLISHED)
                ? extra.withPictures(pictures.record(brief)) : extra;
        return revisions.add(situation, base, status, brief, stateCode, BriefJson.write(brief), user, note, kept);
    }
}
