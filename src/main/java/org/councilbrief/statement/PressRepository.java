package org.councilbrief.statement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Press-release meeting summaries and their attributed paragraphs. */
public final class PressRepository {
    private final Jdbi jdbi;

    public PressRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes a summary inside the caller's transaction, replacing an earlier import of it and its positions. */
    private static void save(Handle handle, PressSummary summary) {
        handle.createUpdate("delete from position where press_release = :n").bind("n", summary.pressRelease())
                .execute();
        handle.createUpdate("delete from press_release where number = :n").bind("n", summary.pressRelease()).execute();
        handle.createUpdate("insert into press_release (number, meeting_symbol, meeting_date, headline) "
                + "values (?, ?, ?, ?)").bind(0, summary.pressRelease()).bind(1, summary.meeting())
                .bind(2, summary.date()).bind(3, summary.headline()).execute();
        for (PressParagraph p : summary.paragraphs()) {
            handle.createUpdate("insert into press_paragraph (press_release, position, speaker, state_code, "
                    + "on_behalf_of, body) values (?, ?, ?, ?, ?, ?)").bind(0, summary.pressRelease())
                    .bind(1, p.index()).bind(2, p.speaker()).bind(3, p.countryCode())
                    .bind(4, p.onBehalfOf().isEmpty() ? null : String.join(";", p.onBehalfOf())).bind(5, p.text())
                    .execute();
        }
    }

    /**
     * Writes a summary with the positions proposed in its paragraphs, inside the caller's transaction, and ties it to
     * the meeting it covers: a meeting already imported gets the release (and {@code situation} when it had none); a
     * meeting not yet imported is created from the release's date, so that its positions reach the site before its
     * record does. What editors decided on an earlier import of the release is carried over as for meeting records.
     */
    public static void save(Handle handle, PressSummary summary, String situation,
            Function<PressParagraph, List<Position>> proposer, String user, List<String> warnings) {
        List<StatementRepository.Decided> decided = handle.createQuery("""
                select press_paragraph, state_code, act, theme, evidence, status from position
                where press_release = :n and status <> 'PROPOSED' order by id""").bind("n", summary.pressRelease())
                .map(StatementRepository::decided).list();
        save(handle, summary);
        Map<Integer, String> texts = new HashMap<>();
        Map<Integer, List<Position>> proposed = new HashMap<>();
        for (PressParagraph paragraph : summary.paragraphs()) {
            texts.put(paragraph.index(), paragraph.text());
            proposed.put(paragraph.index(), proposer.apply(paragraph));
        }
        Map<Integer, List<Position>> positions = StatementRepository.withDecisions(handle, summary.pressRelease(),
                "paragraph", texts, proposed, decided, user, warnings);
        for (PressParagraph paragraph : summary.paragraphs()) {
            StatementRepository.insertPositions(handle, null, summary.pressRelease(), paragraph.index(),
                    positions.get(paragraph.index()));
        }
        if (summary.meeting() == null) {
            warnings.add(summary.pressRelease() + " does not name its meeting (nnnnth Meeting): its positions are"
                    + " kept with the release but reach no meeting page or brief");
            return;
        }
        Optional<Meeting> meeting = StatementRepository.findMeeting(handle, summary.meeting());
        if (meeting.isPresent()) {
            handle.createUpdate("""
                    update meeting set press_release = :n, situation_id = coalesce(situation_id, :situation)
                    where symbol = :m""").bind("n", summary.pressRelease()).bind("situation", situation)
                    .bind("m", summary.meeting()).execute();
        } else if (summary.date() != null) {
            StatementRepository.insertMeeting(handle, new Meeting(summary.meeting(), situation, summary.date(),
                    summary.headline(), summary.pressRelease()));
        } else {
            warnings.add(summary.pressRelease() + " covers " + summary.meeting() + ", which is not imported, and does"
                    + " not print its date: import the meeting record, or the release again with --date, for its"
                    + " positions to reach the site");
        }
    }

    /**
     * The positions a paragraph proposes: the reported speaker's, or every member of a joint statement. They are read
     * by the rules (the learnt reader knows first-person speeches only), without a measured probability.
     */
    public static List<Position> propose(PositionExtractor extractor, PressParagraph paragraph) {
        return extractor.extractReported(paragraph.text(), paragraph.members()).stream()
                .map(f -> new Position(f.stateCode(), f.act(), f.theme().id(), f.evidence(), Position.Status.PROPOSED,
                        Double.NaN))
                .toList();
    }

    public Optional<PressSummary> find(String number) {
        return jdbi.withHandle(handle -> {
            record Head(String meeting, LocalDate date, String headline) {
            }
            Optional<Head> head = handle.createQuery(
                    "select meeting_symbol, meeting_date, headline from press_release where number = :n")
                    .bind("n", number)
                    .map((rs, ctx) -> new Head(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                    .findOne();
            if (head.isEmpty()) {
                return Optional.empty();
            }
            List<PressParagraph> paragraphs = handle.createQuery("select position, speaker, state_code, on_behalf_of,"
                    + " body from press_paragraph where press_release = :n order by position").bind("n", number)
                    .map((rs, ctx) -> new PressParagraph(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? List.of() : List.of(rs.getString(4).split(";")),
                            rs.getString(5), 0))
                    .list();
            return Optional.of(new PressSummary(number, head.get().meeting(), head.get().date(), head.get().headline(),
                    paragraphs));
        });
    }
}
