package org.councilbrief.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbrief.situation.Situation;
import org.councilbrief.situation.SituationRepository;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Briefs as structure: the brief row, its intro, items, their paragraphs as segments (text runs and member lists) and
 * sources, and the UPR reviews its items use. One brief per situation; saving replaces it in one transaction.
 */
public final class BriefRepository {
    private final Jdbi jdbi;

    public BriefRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(Brief brief, String stateCode) {
        jdbi.useTransaction(handle -> save(handle, brief, stateCode));
    }

    /** Writes the working copy of a brief inside the caller's transaction, replacing the one before. */
    static void save(org.jdbi.v3.core.Handle handle, Brief brief, String stateCode) {
        SituationRepository.save(handle, new Situation(brief.situation(), brief.situationName(), stateCode));
        for (UprReview review : brief.uprReviews()) {
            // A review imported from its report stays as imported (with its responses, all its recommendations): the
            // brief's copy is written only where the review is not there yet (a brief read from a published text).
            if (handle.createQuery("select count(*) from upr_review where id = :id").bind("id", review.id())
                    .mapTo(Integer.class).one() == 0) {
                UprRepository.save(handle, review);
            }
        }
        Optional<Integer> version = handle.createQuery("select version from brief where situation_id = :s")
                .bind("s", brief.situation()).mapTo(Integer.class).findOne();
        handle.createUpdate("delete from brief where situation_id = :s").bind("s", brief.situation()).execute();
        long id = handle.createUpdate("""
                insert into brief (situation_id, as_of, updated_date, updated_text, status, version)
                values (:s, :asOf, :updatedDate, :updatedText, 'published', :version)""")
                .bind("s", brief.situation()).bind("asOf", brief.asOf())
                .bind("updatedDate", brief.updated().date()).bind("updatedText", brief.updated().asPublished())
                .bind("version", version.orElse(0) + 1)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (int i = 0; i < brief.intro().size(); i++) {
            handle.createUpdate("insert into brief_intro (brief_id, position, body) values (?, ?, ?)")
                    .bind(0, id).bind(1, i).bind(2, brief.intro().get(i)).execute();
        }
        for (UprReview review : brief.uprReviews()) {
            handle.createUpdate("insert into brief_upr_review (brief_id, review_id) values (?, ?)")
                    .bind(0, id).bind(1, review.id()).execute();
        }
        for (Section section : brief.sections()) {
            int position = 0;
            for (Item item : section.items()) {
                saveItem(handle, id, section.kind(), position++, item);
            }
        }
    }

    private static void saveItem(Handle handle, long briefId, SectionKind kind, int position, Item item) {
        long itemId = handle.createUpdate("""
                insert into brief_item (brief_id, section, position, item_key, title, item_date, sub_heading, numbered,
                meeting_symbol, upr_review_id)
                values (:brief, :section, :position, :id, :title, :date, :subHeading, :numbered, :meeting, :uprReview)""")
                .bind("brief", briefId).bind("section", kind.name()).bind("position", position).bindMethods(item)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (int p = 0; p < item.paragraphs().size(); p++) {
            List<Segment> segments = item.paragraphs().get(p).segments();
            for (int s = 0; s < segments.size(); s++) {
                Segment segment = segments.get(s);
                handle.createUpdate("""
                        insert into brief_segment (item_id, paragraph, position, body, members, expand)
                        values (?, ?, ?, ?, ?, ?)""")
                        .bind(0, itemId).bind(1, p).bind(2, s).bind(3, segment.text())
                        .bind(4, segment.isMembers() ? String.join(",", segment.members()) : null)
                        .bind(5, segment.expand()).execute();
            }
        }
        for (int s = 0; s < item.sources().size(); s++) {
            Source source = item.sources().get(s);
            handle.createUpdate("insert into item_source (item_id, position, symbol, paragraph, url) values (?, ?, ?, ?, ?)")
                    .bind(0, itemId).bind(1, s).bind(2, source.symbol()).bind(3, source.paragraph())
                    .bind(4, source.url()).execute();
        }
    }

    public Optional<Brief> find(String situation) {
        return jdbi.withHandle(handle -> find(handle, situation));
    }

    private record BriefRow(long id, String situation, String name, LocalDate asOf, Updated updated) {
    }

    private record ItemRow(long id, SectionKind kind, Item item) {
    }

    private static Optional<Brief> find(Handle handle, String situation) {
        Optional<BriefRow> row = handle.createQuery("""
                select b.id, b.situation_id, s.name, b.as_of, b.updated_date, b.updated_text from brief b
                join situation s on s.id = b.situation_id where b.situation_id = :s""").bind("s", situation)
                .map((rs, ctx) -> new BriefRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        new Updated(rs.getObject(5, LocalDate.class), rs.getString(6))))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long id = row.get().id();
        List<String> intro = handle.createQuery("select body from brief_intro where brief_id = :id order by position")
                .bind("id", id).mapTo(String.class).list();
        Map<Long, List<List<Segment>>> segments = new LinkedHashMap<>();
        handle.createQuery("""
                select g.item_id, g.paragraph, g.body, g.members, g.expand from brief_segment g
                join brief_item i on i.id = g.item_id where i.brief_id = :id
                order by g.item_id, g.paragraph, g.position""").bind("id", id)
                .map((rs, ctx) -> {
                    List<List<Segment>> paragraphs = segments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    int p = rs.getInt(2);
                    while (paragraphs.size() <= p) {
                        paragraphs.add(new ArrayList<>());
                    }
                    String members = rs.getString(4);
                    paragraphs.get(p).add(members != null
                            ? Segment.members(Arrays.asList(members.split(",")), rs.getBoolean(5))
                            : Segment.text(rs.getString(3)));
                    return p;
                }).list();
        Map<Long, List<Source>> sources = new LinkedHashMap<>();
        handle.createQuery("""
                select o.item_id, o.symbol, o.paragraph, o.url from item_source o
                join brief_item i on i.id = o.item_id where i.brief_id = :id order by o.item_id, o.position""")
                .bind("id", id)
                .map((rs, ctx) -> sources.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Source(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        List<ItemRow> items = handle.createQuery("""
                select id, section, item_key, title, item_date, sub_heading, numbered, meeting_symbol, upr_review_id
                from brief_item where brief_id = :id order by section, position""").bind("id", id)
                .map((rs, ctx) -> {
                    long itemId = rs.getLong(1);
                    List<Paragraph> paragraphs = segments.getOrDefault(itemId, List.of()).stream().map(Paragraph::new)
                            .toList();
                    return new ItemRow(itemId, SectionKind.valueOf(rs.getString(2)), new Item(rs.getString(3),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBoolean(7),
                            paragraphs, sources.getOrDefault(itemId, List.of()), rs.getString(8), rs.getString(9)));
                }).list();
        Map<SectionKind, List<Item>> bySection = new EnumMap<>(SectionKind.class);
        for (SectionKind kind : SectionKind.values()) {
            bySection.put(kind, new ArrayList<>());
        }
        items.forEach(r -> bySection.get(r.kind()).add(r.item()));
        List<Section> sections = bySection.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList();
        List<UprReview> reviews = handle.createQuery(
                "select review_id from brief_upr_review where brief_id = :id order by review_id").bind("id", id)
                .mapTo(String.class).list().stream().map(r -> UprRepository.find(handle, r).orElseThrow()).toList();
        BriefRow b = row.get();
        return Optional.of(new Brief(b.situation(), b.name(), b.asOf(), b.updated(), intro, sections, reviews));
    }

    /** The word limits an editor set on the sections of a situation's brief; a section without one is absent. */
    public Map<SectionKind, Integer> wordLimits(String situation) {
        Map<SectionKind, Integer> limits = new EnumMap<>(SectionKind.class);
        jdbi.useHandle(handle -> handle.createQuery("select section, words from brief_word_limit where"
                + " situation_id = :s").bind("s", situation)
                .map((rs, ctx) -> Map.entry(SectionKind.valueOf(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> limits.put(e.getKey(), e.getValue())));
        return limits;
    }

    /**
     * Replaces the word limits of a situation's brief (a section absent from {@code limits} has none) and logs the
     * change with who made it, in one transaction.
     */
    public void saveWordLimits(String situation, Map<SectionKind, Integer> limits, String user) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("delete from brief_word_limit where situation_id = :s").bind("s", situation)
                    .execute();
            List<String> detail = new ArrayList<>();
            for (SectionKind kind : SectionKind.values()) {
                Integer words = limits.get(kind);
                if (words != null) {
                    handle.createUpdate("insert into brief_word_limit (situation_id, section, words) values (?, ?, ?)")
                            .bind(0, situation).bind(1, kind.name()).bind(2, words.intValue()).execute();
                }
                detail.add(kind.id() + ": " + (words == null ? "none" : words + " words"));
            }
            org.councilbrief.audit.ChangeLogRepository.record(handle, user, "brief", situation, "word limits set",
                    String.join("; ", detail));
        });
    }

    /** Situations that have a brief, with the brief's date, for the list of situations. */
    public List<Map.Entry<Situation, LocalDate>> situationsWithBriefs() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select s.id, s.name, s.state_code, b.as_of from situation s join brief b on b.situation_id = s.id
                order by s.name""")
                .map((rs, ctx) -> Map.entry(new Situation(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getObject(4, LocalDate.class)))
                .list());
    }
}
