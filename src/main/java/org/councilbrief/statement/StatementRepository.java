package org.councilbrief.statement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.councilbrief.audit.ChangeLogRepository;
import org.jdbi.v3.core.Jdbi;

/** Meetings, their statements and the positions found in them. */
public final class StatementRepository {
    private final Jdbi jdbi;

    public StatementRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes a meeting with its statements, replacing an earlier import of the same meeting; one transaction. */
    public void saveMeeting(Meeting meeting, List<Statement> statements) {
        jdbi.useTransaction(handle -> saveMeeting(handle, meeting, statements));
    }

    /** Writes a meeting with its statements inside the caller's transaction, replacing an earlier import of it. */
    public static void saveMeeting(org.jdbi.v3.core.Handle handle, Meeting meeting, List<Statement> statements) {
        handle.createUpdate("delete from position where statement_id in "
                + "(select id from statement where meeting_symbol = :s)").bind("s", meeting.symbol()).execute();
        handle.createUpdate("delete from statement where meeting_symbol = :s").bind("s", meeting.symbol()).execute();
        handle.createUpdate("delete from meeting where symbol = :s").bind("s", meeting.symbol()).execute();
        handle.createUpdate("""
                insert into meeting (symbol, situation_id, meeting_date, topic, press_release)
                values (:symbol, :situation, :date, :topic, :pressRelease)""").bindMethods(meeting).execute();
        for (Statement s : statements) {
            handle.createUpdate("""
                    insert into statement (meeting_symbol, speech_index, speaker, state_code, on_behalf_of,
                    language, body) values (:meeting, :index, :speaker, :stateCode, :onBehalfOf, :language, :text)""")
                    .bindMethods(s).execute();
        }
    }

    /**
     * Writes a meeting with its statements and the positions proposed in them, inside the caller's transaction. When
     * the meeting was imported before, what editors decided is carried over: a decided position whose member and
     * evidence sentence are proposed again takes its decision back; one whose sentence is still in the same speech is
     * kept as decided; one whose sentence is gone is written to the change log in full and named in
     * {@code warnings}, so that nothing an editor did is lost without a trace.
     */
    public static void saveMeeting(org.jdbi.v3.core.Handle handle, Meeting meeting, List<Statement> statements,
            java.util.function.Function<Statement, List<Position>> proposer, String user, List<String> warnings) {
        record Decided(int index, Position position) {
        }
        List<Decided> decided = handle.createQuery("""
                select s.speech_index, p.state_code, p.act, p.theme, p.evidence, p.status from position p
                join statement s on s.id = p.statement_id where s.meeting_symbol = :s and p.status <> 'PROPOSED'
                order by p.id""").bind("s", meeting.symbol())
                .map((rs, ctx) -> new Decided(rs.getInt(1), new Position(rs.getString(2), Act.byId(rs.getString(3)),
                        rs.getString(4), rs.getString(5), Position.Status.valueOf(rs.getString(6)))))
                .list();
        saveMeeting(handle, meeting, statements);
        java.util.Map<Integer, List<Position>> byIndex = new java.util.HashMap<>();
        for (Statement statement : statements) {
            byIndex.put(statement.index(), new java.util.ArrayList<>(proposer.apply(statement)));
        }
        for (Decided d : decided) {
            List<Position> found = byIndex.get(d.index());
            Statement statement = statements.stream().filter(s -> s.index() == d.index()).findFirst().orElse(null);
            int same = found == null ? -1 : indexOf(found, d.position());
            if (same >= 0) {
                found.set(same, d.position());
            } else if (found != null && statement.text().contains(d.position().evidence())) {
                found.add(d.position());
            } else {
                Position p = d.position();
                String what = p.stateCode() + " " + p.act().id() + " " + p.theme() + " ("
                        + p.status().name().toLowerCase(java.util.Locale.ROOT) + "), speech " + d.index() + ": "
                        + p.evidence();
                ChangeLogRepository.record(handle, user, "position", meeting.symbol(), "dropped on re-import", what);
                warnings.add("a decided position is no longer in the record (kept in the activity log): " + what);
            }
        }
        for (Statement statement : statements) {
            insertPositions(handle, meeting.symbol(), statement.index(), byIndex.get(statement.index()));
        }
    }

    /**
     * The proposal a decision belongs to: the same member and sentence, preferring the same act and theme, then the
     * same act (the editor may have corrected the theme), then any act (the editor may have corrected both).
     */
    private static int indexOf(List<Position> positions, Position decided) {
        int sameAct = -1;
        int sameSentence = -1;
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (!p.stateCode().equals(decided.stateCode()) || !p.evidence().equals(decided.evidence())
                    || p.status() != Position.Status.PROPOSED) {
                continue;
            }
            if (p.act() == decided.act() && p.theme().equals(decided.theme())) {
                return i;
            }
            if (p.act() == decided.act() && sameAct < 0) {
                sameAct = i;
            }
            if (sameSentence < 0) {
                sameSentence = i;
            }
        }
        return sameAct >= 0 ? sameAct : sameSentence;
    }

    private static void insertPositions(org.jdbi.v3.core.Handle handle, String meeting, int index,
            List<Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        long statementId = handle.createQuery(
                "select id from statement where meeting_symbol = :s and speech_index = :i")
                .bind("s", meeting).bind("i", index).mapTo(Long.class).one();
        for (Position p : positions) {
            handle.createUpdate("""
                    insert into position (statement_id, state_code, act, theme, evidence, status)
                    values (:statement, :stateCode, :act, :theme, :evidence, :status)""")
                    .bind("statement", statementId).bindMethods(p).bind("act", p.act().id())
                    .bind("status", p.status().name()).execute();
        }
    }

    public Optional<Meeting> findMeeting(String symbol) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "select symbol, situation_id, meeting_date, topic, press_release from meeting where symbol = :s")
                .bind("s", symbol).map((rs, ctx) -> new Meeting(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)))
                .findOne());
    }

    public List<Statement> statements(String meeting) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select meeting_symbol, speech_index, speaker, state_code, on_behalf_of, language, body
                from statement where meeting_symbol = :s order by speech_index""").bind("s", meeting)
                .map((rs, ctx) -> new Statement(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list());
    }

    /** Adds positions found in one statement; one transaction. */
    public void addPositions(String meeting, int index, List<Position> positions) {
        jdbi.useTransaction(handle -> insertPositions(handle, meeting, index, positions));
    }

    /** A stored position with its id and the index of the speech it was found in. */
    public record StoredPosition(long id, int speechIndex, Position position) {
    }

    public List<StoredPosition> storedPositions(String meeting) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select p.id, s.speech_index, p.state_code, p.act, p.theme, p.evidence, p.status from position p
                join statement s on s.id = p.statement_id where s.meeting_symbol = :s
                order by s.speech_index, p.id""").bind("s", meeting)
                .map((rs, ctx) -> new StoredPosition(rs.getLong(1), rs.getInt(2), new Position(rs.getString(3),
                        Act.byId(rs.getString(4)), rs.getString(5), rs.getString(6),
                        Position.Status.valueOf(rs.getString(7)))))
                .list());
    }

    /**
     * An editor's decision on a position: its status, and the act or theme when the editor corrects them (null keeps
     * them), written with who decided and what it was before in the change log, in one transaction. Returns false
     * when there is no such position.
     */
    public boolean review(long id, Position.Status status, Act act, String theme, String user) {
        return jdbi.inTransaction(handle -> {
            Optional<String> before = describe(handle, id);
            if (before.isEmpty()) {
                return false;
            }
            handle.createUpdate("""
                    update position set status = :status, act = coalesce(:act, act), theme = coalesce(:theme, theme)
                    where id = :id""").bind("status", status.name()).bind("act", act == null ? null : act.id())
                    .bind("theme", theme).bind("id", id).execute();
            String after = describe(handle, id).orElseThrow();
            ChangeLogRepository.record(handle, user, "position", String.valueOf(id),
                    status.name().toLowerCase(java.util.Locale.ROOT), before.get() + " -> " + after);
            return true;
        });
    }

    /** A position as the change log words it: "FRA calls-for accountability (accepted)". */
    private static Optional<String> describe(org.jdbi.v3.core.Handle handle, long id) {
        return handle.createQuery("select status, act, theme, state_code from position where id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getString(4) + " " + rs.getString(2) + " " + rs.getString(3) + " ("
                        + rs.getString(1).toLowerCase(java.util.Locale.ROOT) + ")")
                .findOne();
    }

    /** A member's position at a meeting of a situation (null when the meeting was imported without one). */
    public record MeetingPosition(String meeting, LocalDate date, String situation, int speechIndex,
            Position position) {
    }

    /** Every position not rejected, oldest meeting first: what the public site shows by member and by theme. */
    public List<MeetingPosition> publicPositions() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select m.symbol, m.meeting_date, m.situation_id, s.speech_index, p.state_code, p.act, p.theme,
                p.evidence, p.status from position p join statement s on s.id = p.statement_id
                join meeting m on m.symbol = s.meeting_symbol where p.status <> 'REJECTED'
                order by m.meeting_date, s.speech_index, p.id""")
                .map(StatementRepository::meetingPosition)
                .list());
    }

    /** A member's positions, not rejected, at the meetings of a situation, oldest meeting first. */
    public List<MeetingPosition> positionsOf(String member, String situation) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select m.symbol, m.meeting_date, m.situation_id, s.speech_index, p.state_code, p.act, p.theme,
                p.evidence, p.status from position p join statement s on s.id = p.statement_id
                join meeting m on m.symbol = s.meeting_symbol
                where p.state_code = :member and m.situation_id = :situation and p.status <> 'REJECTED'
                order by m.meeting_date, s.speech_index, p.id""").bind("member", member).bind("situation", situation)
                .map(StatementRepository::meetingPosition)
                .list());
    }

    private static MeetingPosition meetingPosition(java.sql.ResultSet rs,
            org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new MeetingPosition(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4),
                new Position(rs.getString(5), Act.byId(rs.getString(6)), rs.getString(7), rs.getString(8),
                        Position.Status.valueOf(rs.getString(9))));
    }
}
