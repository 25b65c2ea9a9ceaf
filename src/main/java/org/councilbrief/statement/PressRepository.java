package org.councilbrief.statement;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Press-release meeting summaries and their attributed paragraphs. */
public final class PressRepository {
    private final Jdbi jdbi;

    public PressRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes a summary inside the caller's transaction, replacing an earlier import of the same release. */
    public static void save(Handle handle, PressSummary summary) {
        handle.createUpdate("delete from press_release where number = :n").bind("n", summary.pressRelease()).execute();
        handle.createUpdate("insert into press_release (number, meeting_symbol, headline) values (?, ?, ?)")
                .bind(0, summary.pressRelease()).bind(1, summary.meeting()).bind(2, summary.headline()).execute();
        for (PressParagraph p : summary.paragraphs()) {
            handle.createUpdate("insert into press_paragraph (press_release, position, speaker, state_code, "
                    + "on_behalf_of, body) values (?, ?, ?, ?, ?, ?)").bind(0, summary.pressRelease())
                    .bind(1, p.index()).bind(2, p.speaker()).bind(3, p.countryCode())
                    .bind(4, p.onBehalfOf().isEmpty() ? null : String.join(";", p.onBehalfOf())).bind(5, p.text())
                    .execute();
        }
    }

    public Optional<PressSummary> find(String number) {
        return jdbi.withHandle(handle -> {
            record Head(String meeting, String headline) {
            }
            Optional<Head> head = handle.createQuery(
                    "select meeting_symbol, headline from press_release where number = :n").bind("n", number)
                    .map((rs, ctx) -> new Head(rs.getString(1), rs.getString(2))).findOne();
            if (head.isEmpty()) {
                return Optional.empty();
            }
            List<PressParagraph> paragraphs = handle.createQuery("select position, speaker, state_code, on_behalf_of,"
                    + " body from press_paragraph where press_release = :n order by position").bind("n", number)
                    .map((rs, ctx) -> new PressParagraph(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? List.of() : List.of(rs.getString(4).split(";")),
                            rs.getString(5), 0))
                    .list();
            return Optional.of(new PressSummary(number, head.get().meeting(), head.get().headline(), paragraphs));
        });
    }
}
