package org.councilbrief.ingest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.councilbrief.Progress;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.db.Database;
import org.councilbrief.document.ResolutionRepository;
import org.councilbrief.statement.PressRepository;
import org.councilbrief.statement.PositionExtractor;
import org.councilbrief.statement.PositionModel;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes what an import read, in one transaction with its line in the import log. A file whose content (by SHA-256)
 * was imported before as the same kind is not written again.
 */
final class ImportRepository implements ImportContext {
    private static final PositionExtractor EXTRACTOR = new PositionExtractor();
    /**
     * Rows above which an import is written under the embedded database's journal (decision 0051): UPR Info's export
     * (about 40,000 rows) is; a meeting record, a resolution, a press release or one UPR report (hundreds to a few
     * thousand rows, kept whole by H2 in every kill trial) are not.
     */
    static final int JOURNALED_ROWS = 5_000;
    private final Database database;
    private final Jdbi jdbi;

    ImportRepository(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
    }

    /** Whether {@code parsed} is large enough to be written under the journal. */
    static boolean journaled(ParsedImport parsed) {
        if (!(parsed instanceof ParsedImport.Reviews r)) {
            return false;
        }
        long rows = 0;
        for (UprReview review : r.reviews()) {
            rows += 1 + review.participants().size() + review.recommendations().size();
            for (var recommendation : review.recommendations()) {
                rows += recommendation.recommendingStates().size();
            }
        }
        return rows > JOURNALED_ROWS;
    }

    boolean situationExists(String id) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from situation where id = :id").bind("id", id)
                .mapTo(Integer.class).one() > 0);
    }

    @Override
    public Optional<String> situationState(String id) {
        return jdbi.withHandle(h -> h.createQuery("select state_code from situation where id = :id").bind("id", id)
                .mapTo(String.class).findOne());
    }

    @Override
    public org.councilbrief.council.Membership membership() {
        return new org.councilbrief.council.CouncilRepository(jdbi).membership();
    }

    /** Writes {@code parsed} unless the same content was imported before; returns false in that case. */
    boolean write(String kind, String hash, String fileName, ParsedImport parsed, String user, List<String> warnings,
            Progress progress) {
        org.jdbi.v3.core.HandleCallback<Boolean, RuntimeException> work = handle -> {
            if (seen(handle, kind, hash)) {
                return false;
            }
            // What each item held before, so that one imported again unchanged is logged but is no news (0048).
            List<String[]> items = items(parsed);
            List<Optional<String>> before = items.stream().map(item -> content(handle, item[0], item[1])).toList();
            switch (parsed) {
                case ParsedImport.Reviews r -> {
                    progress.stage("Writing reviews", r.reviews().size());
                    for (UprReview review : r.reviews()) {
                        handle.createQuery("select coalesce(source, '') from upr_review where id = :id").bind("id", review.id())
                                .mapTo(String.class).findOne()
                                .filter(previous -> !previous.equals(review.source()))
                                .ifPresent(previous -> warnings.add("review " + review.id() + ": replaces the"
                                        + " recommendations read before from " + previous));
                        UprRepository.save(handle, review);
                        progress.advance(1);
                    }
                }
                case ParsedImport.MeetingRecord m -> StatementRepository.saveMeeting(handle, m.meeting(),
                        m.statements(), PositionModel.shipped()::propose, user, warnings);
                case ParsedImport.Press p -> PressRepository.save(handle, p.summary(), p.situation(),
                        paragraph -> PressRepository.propose(EXTRACTOR, paragraph), user, warnings);
                case ParsedImport.ResolutionText t -> ResolutionRepository.save(handle, t.symbol(), t.resolution());
            }
            long logId = handle.createUpdate("insert into import_log (kind, content_hash, file_name, target,"
                    + " imported_at) values (?, ?, ?, ?, ?)").bind(0, kind).bind(1, hash).bind(2, clip(fileName, 500))
                    .bind(3, clip(parsed.target(), 200)).bind(4, LocalDateTime.now(ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // What the file brought, item by item: a brief on the situation of an item added or changed (news) is stale
            // from now on; an item whose content the import left as it was is logged as no news.
            org.jdbi.v3.core.statement.PreparedBatch log = handle.prepareBatch("insert into import_log_item"
                    + " (import_id, position, kind, item_key, news) values (?, ?, ?, ?, ?)");
            for (int i = 0; i < items.size(); i++) {
                String[] item = items.get(i);
                boolean news = before.get(i).isEmpty() || !before.get(i).equals(content(handle, item[0], item[1]));
                log.bind(0, logId).bind(1, i).bind(2, item[0]).bind(3, clip(item[1], 200)).bind(4, news).add();
            }
            if (log.size() > 0) {
                log.execute();
            }
            ChangeLogRepository.record(handle, user, "import", clip(parsed.target(), 120), "imported", kind + " from "
                    + clip(fileName, 1000) + " " + parsed.counts() + " (SHA-256 " + hash.substring(0, 12) + "…)");
            return true;
        };
        if (!journaled(parsed)) {
            return jdbi.inTransaction(work);
        }
        // A file imported before is not worth the journal's backup and rewrite (the transaction checks again).
        return !jdbi.withHandle(h -> seen(h, kind, hash)) && database.inJournaledTransaction(kind + " import of " + clip(fileName, 200), work);
    }

    /** Whether content with this hash was imported before as {@code kind}. */
    private static boolean seen(org.jdbi.v3.core.Handle handle, String kind, String hash) {
        return handle.createQuery("select count(*) from import_log where kind = :kind and content_hash = :hash")
                .bind("kind", kind).bind("hash", hash).mapTo(Integer.class).one() > 0;
    }

    /** The items an import brings, as (kind, key): a UPR review's id, a meeting's or a document's symbol. */
    private static List<String[]> items(ParsedImport parsed) {
        return switch (parsed) {
            case ParsedImport.Reviews r -> r.reviews().stream().map(v -> new String[] {"upr-review", v.id()}).toList();
            case ParsedImport.MeetingRecord m -> List.<String[]>of(new String[] {"meeting", m.meeting().symbol()});
            case ParsedImport.Press p -> List.<String[]>of(new String[] {"press-release", p.summary().pressRelease()});
            case ParsedImport.ResolutionText t -> List.<String[]>of(new String[] {"resolution",
                t.symbol().canonical()});
        };
    }

    /**
     * What the database holds of an item, as text compared before and after its import, or empty if it holds no such
     * item: a UPR review's recommendations (words, response, recommending states; their order, paragraph numbers,
     * issues and source do not count), a meeting's situation, day and speeches, a press summary's meeting, its
     * situation and paragraphs, a resolution's adoption and paragraphs. Runs of white space count as one space.
     */
    static Optional<String> content(org.jdbi.v3.core.Handle handle, String kind, String key) {
        String sql = switch (kind) {
            case "upr-review" -> """
                    select r.id, r.body, r.response, s.state_code from upr_review v
                    left join upr_recommendation r on r.review_id = v.id
                    left join upr_recommendation_state s on s.recommendation_id = r.id
                    where v.id = :key order by r.position, s.position""";
            case "meeting" -> """
                    select m.situation_id, m.meeting_date, s.speech_index, s.speaker, s.state_code, s.on_behalf_of,
                    s.body from meeting m left join statement s on s.meeting_symbol = m.symbol where m.symbol = :key
                    order by s.speech_index""";
            case "press-release" -> """
                    select p.meeting_symbol, m.situation_id, x.speaker, x.state_code, x.on_behalf_of, x.body
                    from press_release p left join meeting m on m.symbol = p.meeting_symbol
                    left join press_paragraph x on x.press_release = p.number where p.number = :key
                    order by x.position""";
            case "resolution" -> """
                    select d.published, p.kind, p.number, p.sub, p.body from document d
                    left join resolution_paragraph p on p.symbol = d.symbol where d.symbol = :key
                    order by p.position""";
            default -> throw new IllegalArgumentException("no item of kind " + kind);
        };
        List<String[]> rows = handle.createQuery(sql).bind("key", key).map((rs, ctx) -> {
            String[] row = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                Object value = rs.getObject(i + 1);
                row[i] = value == null ? "" : value.toString().strip().replaceAll("\\s+", " ");
            }
            return row;
        }).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!kind.equals("upr-review")) {
            return Optional.of(String.join("\n", rows.stream().map(r -> String.join("\u001f", r)).toList()));
        }
        // A recommendation a line (its recommending states in their order), the lines sorted.
        java.util.Map<String, StringBuilder> byId = new java.util.LinkedHashMap<>();
        for (String[] r : rows) {
            if (!r[0].isEmpty()) {
                byId.computeIfAbsent(r[0], id -> new StringBuilder(r[1]).append('\u001f').append(r[2]))
                        .append('\u001f').append(r[3]);
            }
        }
        return Optional.of(String.join("\n", byId.values().stream().map(StringBuilder::toString).sorted().toList()));
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
