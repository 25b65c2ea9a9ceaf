package org.councilbrief.ingest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.councilbrief.Progress;
import org.councilbrief.audit.ChangeLogRepository;
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
    private final Jdbi jdbi;

    ImportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
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
        return jdbi.inTransaction(handle -> {
            boolean seen = handle.createQuery(
                    "select count(*) from import_log where kind = :kind and content_hash = :hash")
                    .bind("kind", kind).bind("hash", hash).mapTo(Integer.class).one() > 0;
            if (seen) {
                return false;
            }
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
            // What the file brought, item by item: a brief on the situation of any of them is stale from now on.
            int position = 0;
            for (String[] item : items(parsed)) {
                handle.createUpdate("insert into import_log_item (import_id, position, kind, item_key) values (?, ?, ?,"
                        + " ?)").bind(0, logId).bind(1, position++).bind(2, item[0]).bind(3, clip(item[1], 200))
                        .execute();
            }
            ChangeLogRepository.record(handle, user, "import", clip(parsed.target(), 120), "imported", kind + " from "
                    + clip(fileName, 1000) + " " + parsed.counts() + " (SHA-256 " + hash.substring(0, 12) + "…)");
            return true;
        });
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

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
