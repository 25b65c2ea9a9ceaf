package org.councilbrief.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.councilbrief.audit.ChangeLogRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Meetings, their statements and the positions found in them. */
public final class StatementRepository {
    private final Jdbi jdbi;

    public StatementRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Puts a meeting on a situation, as an editor chooses on the positions page when the record was imported without
     * one; logged in the change log. False when there is no such meeting.
     */
    public boolean putOnSituation(String meeting, String situation, String user) {
        return jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate("update meeting set situation_id = :situation where symbol = :meeting")
                    .bind("situation", situation).bind("meeting", meeting).execute();
            if (changed == 1) {
                ChangeLogRepository.record(handle, user, "meeting", meeting, "put on a situation", situation);
            }
            return changed == 1;
        });
    }

    /** Writes a meeting with its statements, replacing an earlier import of the same meeting; one transaction. */
    public void saveMeeting(Meeting meeting, List<Statement> statements) {
        jdbi.useTransaction(handle -> saveMeeting(handle, meeting, statements));
    }

    /**
     * Writes a meeting with its statements inside the caller's transaction, replacing an earlier import of it. The
     * situation and press release that an earlier import (of the record or of its press summary) gave the meeting are
     * kept when this one does not name them.
     */
    public static void saveMeeting(Handle handle, Meeting meeting, List<Statement> statements) {
        Optional<Meeting> before = findMeeting(handle, meeting.symbol());
        handle.createUpdate("delete from position where statement_id in "
                + "(select id from statement where meeting_symbol = :s)").bind("s", meeting.symbol()).execute();
        handle.createUpdate("delete from statement where meeting_symbol = :s").bind("s", meeting.symbol()).execute();
        handle.createUpdate("delete from meeting where symbol = :s").bind("s", meeting.symbol()).execute();
        Meeting kept = before.map(b -> new Meeting(meeting.symbol(),
                meeting.situation() != null ? meeting.situation() : b.situation(), meeting.date(),
                meeting.topic() != null ? meeting.topic() : b.topic(),
                meeting.pressRelease() != null ? meeting.pressRelease() : b.pressRelease())).orElse(meeting);
        insertMeeting(handle, kept);
        for (Statement s : statements) {
            handle.createUpdate("""
                    insert into statement (meeting_symbol, speech_index, speaker, state_code, on_behalf_of,
                    language, body) values (:meeting, :index, :speaker, :stateCode, :onBehalfOf, :language, :text)""")
                    .bindMethods(s).execute();
        }
    }

    static void insertMeeting(Handle handle, Meeting meeting) {
        handle.createUpdate("""
                insert into meeting (symbol, situation_id, meeting_date, topic, press_release)
                values (:symbol, :situation, :date, :topic, :pressRelease)""").bindMethods(meeting).execute();
    }

    /**
     * Writes a meeting with its statements and the positions proposed in them, inside the caller's transaction. When
     * the meeting was imported before, what editors decided is carried over (see {@link #withDecisions}).
     */
    public static void saveMeeting(Handle handle, Meeting meeting, List<Statement> statements,
            Function<Statement, List<Position>> proposer, String user, List<String> warnings) {
        List<Decided> decided = handle.createQuery("""
                select s.speech_index, p.state_code, p.act, p.theme, p.evidence, p.status from position p
                join statement s on s.id = p.statement_id where s.meeting_symbol = :s and p.status <> 'PROPOSED'
                order by p.id""").bind("s", meeting.symbol()).map(StatementRepository::decided).list();
        saveMeeting(handle, meeting, statements);
        Map<Integer, String> texts = new HashMap<>();
        Map<Integer, List<Position>> proposed = new HashMap<>();
        for (Statement statement : statements) {
            texts.put(statement.index(), statement.text());
            proposed.put(statement.index(), proposer.apply(statement));
        }
        Map<Integer, List<Position>> positions = withDecisions(handle, meeting.symbol(), "speech", texts, proposed,
                decided, user, warnings);
        for (Statement statement : statements) {
            List<Position> here = positions.get(statement.index());
            if (!here.isEmpty()) {
                insertPositions(handle, statementId(handle, meeting.symbol(), statement.index()), null, 0, here);
            }
        }
    }

    /** A position an editor decided (accepted or rejected), with the speech or paragraph it was found in. */
    record Decided(int index, Position position) {
    }

    static Decided decided(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
        return new Decided(rs.getInt(1), new Position(rs.getString(2), Act.byId(rs.getString(3)), rs.getString(4),
                rs.getString(5), Position.Status.valueOf(rs.getString(6))));
    }

    /**
     * The positions to write for a document imported again ({@code texts} and {@code proposed} by speech or paragraph
     * index), with what editors decided on its earlier import carried over: a decided position whose member and
     * evidence sentence are proposed again takes its decision back; one whose sentence is still in the same speech
     * or paragraph is kept as decided; one whose sentence is gone is written to the change log in full and named in
     * {@code warnings}, so that nothing an editor did is lost without a trace.
     */
    static Map<Integer, List<Position>> withDecisions(Handle handle, String document, String unit,
            Map<Integer, String> texts, Map<Integer, List<Position>> proposed, List<Decided> decided, String user,
            List<String> warnings) {
        Map<Integer, List<Position>> byIndex = new HashMap<>();
        proposed.forEach((index, positions) -> byIndex.put(index, new ArrayList<>(positions)));
        for (Decided d : decided) {
            List<Position> found = byIndex.get(d.index());
            int same = found == null ? -1 : indexOf(found, d.position());
            if (same >= 0) {
                found.set(same, d.position());
            } else if (found != null && texts.get(d.index()).contains(d.position().evidence())) {
                found.add(d.position());
            } else {
                Position p = d.position();
                String what = p.stateCode() + " " + p.act().id() + " " + p.theme() + " ("
                        + p.status().name().toLowerCase(Locale.ROOT) + "), " + unit + " " + d.index() + ": "
                        + p.evidence();
                ChangeLogRepository.record(handle, user, "position", document, "dropped on re-import", what);
                String in = unit.equals("speech") ? "the record " : "the release ";
                warnings.add("a decided position is no longer in " + in + document + " (kept in the activity log): "
                        + what);
            }
        }
        return byIndex;
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

    private static long statementId(Handle handle, String meeting, int index) {
        return handle.createQuery("select id from statement where meeting_symbol = :s and speech_index = :i")
                .bind("s", meeting).bind("i", index).mapTo(Long.class).one();
    }

    /**
     * Inserts positions found in a statement ({@code statementId}) or, when it is null, in paragraph
     * {@code paragraph} of press release {@code pressRelease}.
     */
    static void insertPositions(Handle handle, Long statementId, String pressRelease, int paragraph,
            List<Position> positions) {
        for (Position p : positions) {
            handle.createUpdate("""
                    insert into position (statement_id, press_release, press_paragraph, state_code, act, theme,
                    evidence, status, probability) values (:statement, :press, :paragraph, :stateCode, :act, :theme,
                    :evidence, :status, :sure)""")
                    .bind("statement", statementId).bind("press", pressRelease)
                    .bind("sure", Double.isNaN(p.probability()) ? null : p.probability())
                    .bind("paragraph", pressRelease == null ? null : paragraph).bindMethods(p)
                    .bind("act", p.act().id()).bind("status", p.status().name()).execute();
        }
    }

    public Optional<Meeting> findMeeting(String symbol) {
        return jdbi.withHandle(handle -> findMeeting(handle, symbol));
    }

    static Optional<Meeting> findMeeting(Handle handle, String symbol) {
        return handle.createQuery(
                "select symbol, situation_id, meeting_date, topic, press_release from meeting where symbol = :s")
                .bind("s", symbol).map((rs, ctx) -> new Meeting(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)))
                .findOne();
    }

    public List<Statement> statements(String meeting) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select meeting_symbol, speech_index, speaker, state_code, on_behalf_of, language, body
                from statement where meeting_symbol = :s order by speech_index""").bind("s", meeting)
                .map((rs, ctx) -> new Statement(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list());
    }

    /** A paragraph of a meeting's press summary, as the speech view shows it. */
    public record PressText(String pressRelease, int index, String speaker, String text) {
    }

    /** The paragraphs of the press summaries of a meeting, each release's in order. */
    public List<PressText> pressParagraphs(String meeting) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select p.press_release, p.position, p.speaker, p.body from press_paragraph p
                join press_release r on r.number = p.press_release where r.meeting_symbol = :s
                order by p.press_release, p.position""").bind("s", meeting)
                .map((rs, ctx) -> new PressText(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    /** Adds positions found in one statement; one transaction. */
    public void addPositions(String meeting, int index, List<Position> positions) {
        jdbi.useTransaction(handle -> insertPositions(handle, statementId(handle, meeting, index), null, 0,
                positions));
    }

    /**
     * A stored position with its id and where it was found.
     *
     * @param index the speech's index in the meeting record, or the paragraph's in the press release
     * @param pressRelease the press summary (SC/15341) it was found in, or null for the meeting record
     */
    public record StoredPosition(long id, int index, Position position, String pressRelease) {
        /** "speech 4", or "SC/15341, paragraph 7". */
        public String where() {
            return pressRelease == null ? "speech " + index : pressRelease + ", paragraph " + index;
        }
    }

    /**
     * The positions found in a meeting's record and in its press summary, the record's first, each in the order of
     * the speeches or paragraphs.
     */
    public List<StoredPosition> storedPositions(String meeting) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select p.id, s.speech_index, p.state_code, p.act, p.theme, p.evidence, p.status, p.press_release,
                p.probability
                from position p join statement s on s.id = p.statement_id where s.meeting_symbol = :s
                union all
                select p.id, p.press_paragraph, p.state_code, p.act, p.theme, p.evidence, p.status, p.press_release,
                p.probability
                from position p join press_release r on r.number = p.press_release where r.meeting_symbol = :s
                order by 8 nulls first, 2, 1""")
                .bind("s", meeting)
                .map((rs, ctx) -> new StoredPosition(rs.getLong(1), rs.getInt(2), new Position(rs.getString(3),
                        Act.byId(rs.getString(4)), rs.getString(5), rs.getString(6),
                        Position.Status.valueOf(rs.getString(7)), probability(rs, 9)), rs.getString(8)))
                .list());
    }

    /** A stored probability; NaN where none was measured (the rules' reading of a press summary). */
    private static double probability(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double p = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : p;
    }

    /**
     * An editor's decision on a position: its status, and the act or theme when the editor corrects them (null keeps
     * them), written with who decided and what it was before in the change log, in one transaction. Returns false
     * when there is no such position.
     */
    public boolean review(long id, Position.Status status, Act act, String theme, String user) {
        return review(id, status, null, act, theme, user);
    }

    /**
     * As {@link #review(long, Position.Status, Act, String, String)}, and the member too when the editor corrects it
     * (a position of a joint statement given to a member that did not join it); {@code member} is an ISO code.
     */
    public boolean review(long id, Position.Status status, String member, Act act, String theme, String user) {
        return jdbi.inTransaction(handle -> {
            Optional<String> before = describe(handle, id);
            if (before.isEmpty()) {
                return false;
            }
            handle.createUpdate("""
                    update position set status = :status, state_code = coalesce(:member, state_code),
                    act = coalesce(:act, act), theme = coalesce(:theme, theme) where id = :id""")
                    .bind("status", status.name()).bind("member", member).bind("act", act == null ? null : act.id())
                    .bind("theme", theme).bind("id", id).execute();
            String after = describe(handle, id).orElseThrow();
            ChangeLogRepository.record(handle, user, "position", String.valueOf(id),
                    status.name().toLowerCase(Locale.ROOT), before.get() + " -> " + after);
            return true;
        });
    }

    /**
     * Decides several positions at once (a sentence, a member or a theme of the positions page), each written to the
     * change log with who decided and what it was before, all in one transaction. Positions already at that status
     * are left as they are. Returns how many changed; ids that name no position are skipped.
     */
    public int decide(List<Long> ids, Position.Status status, String user) {
        return jdbi.inTransaction(handle -> {
            int changed = 0;
            for (long id : ids) {
                Optional<String> before = describe(handle, id);
                if (before.isEmpty() || before.get().endsWith("(" + status.name().toLowerCase(Locale.ROOT) + ")")) {
                    continue;
                }
                handle.createUpdate("update position set status = :status where id = :id")
                        .bind("status", status.name()).bind("id", id).execute();
                ChangeLogRepository.record(handle, user, "position", String.valueOf(id),
                        status.name().toLowerCase(Locale.ROOT), before.get() + " -> " + describe(handle, id)
                                .orElseThrow());
                changed++;
            }
            return changed;
        });
    }

    /**
     * An imported meeting as the positions page lists it.
     *
     * @param situationName the name of the meeting's situation, or null
     * @param positions the positions read in its record and press summary
     * @param undecided those still proposed
     */
    public record MeetingSummary(Meeting meeting, String situationName, int positions, int undecided) {
    }

    /** Every imported meeting, newest first, with its positions counted. */
    public List<MeetingSummary> meetings() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select m.symbol, m.situation_id, m.meeting_date, m.topic, m.press_release, s.name,
                (select count(*) from position p join statement st on st.id = p.statement_id
                    where st.meeting_symbol = m.symbol),
                (select count(*) from position p join statement st on st.id = p.statement_id
                    where st.meeting_symbol = m.symbol and p.status = 'PROPOSED'),
                (select count(*) from position p join press_release r on r.number = p.press_release
                    where r.meeting_symbol = m.symbol),
                (select count(*) from position p join press_release r on r.number = p.press_release
                    where r.meeting_symbol = m.symbol and p.status = 'PROPOSED')
                from meeting m left join situation s on s.id = m.situation_id
                order by m.meeting_date desc, m.symbol desc""")
                .map((rs, ctx) -> new MeetingSummary(new Meeting(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)), rs.getString(6),
                        rs.getInt(7) + rs.getInt(9), rs.getInt(8) + rs.getInt(10)))
                .list());
    }

    /** A position as the change log words it: "FRA calls-for accountability (accepted)". */
    private static Optional<String> describe(Handle handle, long id) {
        return handle.createQuery("select status, act, theme, state_code from position where id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getString(4) + " " + rs.getString(2) + " " + rs.getString(3) + " ("
                        + rs.getString(1).toLowerCase(Locale.ROOT) + ")")
                .findOne();
    }

    /**
     * A member's position at a meeting of a situation (null when the meeting was imported without one).
     *
     * @param index the speech's index in the meeting record, or the paragraph's in the press release
     * @param pressRelease the press summary (SC/15341) it was found in, or null for the meeting record
     */
    public record MeetingPosition(String meeting, LocalDate date, String situation, int index, Position position,
            String pressRelease) {
        /** The symbol of the document the position was read in: the meeting record, or its press summary. */
        public String source() {
            return pressRelease == null ? meeting : pressRelease;
        }
    }

    private static final String MEETING_POSITIONS = """
            select m.symbol, m.meeting_date, m.situation_id, coalesce(s.speech_index, p.press_paragraph),
            p.state_code, p.act, p.theme, p.evidence, p.status, p.press_release from position p
            left join statement s on s.id = p.statement_id
            left join press_release r on r.number = p.press_release
            join meeting m on m.symbol = coalesce(s.meeting_symbol, r.meeting_symbol)
            where p.status <> 'REJECTED'""";
    private static final String MEETING_POSITIONS_ORDER = "\norder by m.meeting_date, m.symbol,"
            + " p.press_release nulls first, coalesce(s.speech_index, p.press_paragraph), p.id";

    /**
     * Every position not rejected, proposed ones included, oldest meeting first. The public site does not show these:
     * it shows {@link #acceptedPositions()}.
     */
    public List<MeetingPosition> publicPositions() {
        return jdbi.withHandle(handle -> handle.createQuery(MEETING_POSITIONS + MEETING_POSITIONS_ORDER)
                .map(StatementRepository::meetingPosition).list());
    }

    /**
     * Every position an editor accepted, oldest meeting first: what the public site shows by member and by theme.
     * Proposed positions wait for a decision and rejected ones are kept only for the workspace.
     */
    public List<MeetingPosition> acceptedPositions() {
        return jdbi.withHandle(handle -> handle.createQuery(MEETING_POSITIONS + " and p.status = 'ACCEPTED'"
                + MEETING_POSITIONS_ORDER).map(StatementRepository::meetingPosition).list());
    }

    /**
     * The positions an editor accepted at one meeting (from its record or its press summary), in the order of the
     * record: what a brief's "who said what" grid shows. Proposed and rejected positions are left out.
     */
    public List<MeetingPosition> acceptedPositionsAt(String meeting) {
        return jdbi.withHandle(handle -> handle.createQuery(MEETING_POSITIONS
                + " and p.status = 'ACCEPTED' and m.symbol = :meeting" + MEETING_POSITIONS_ORDER)
                .bind("meeting", meeting).map(StatementRepository::meetingPosition).list());
    }

    /** A member's positions, not rejected, at the meetings of a situation, oldest meeting first. */
    public List<MeetingPosition> positionsOf(String member, String situation) {
        return jdbi.withHandle(handle -> handle.createQuery(MEETING_POSITIONS
                + " and p.state_code = :member and m.situation_id = :situation" + MEETING_POSITIONS_ORDER)
                .bind("member", member).bind("situation", situation)
                .map(StatementRepository::meetingPosition).list());
    }

    private static MeetingPosition meetingPosition(java.sql.ResultSet rs, StatementContext ctx)
            throws java.sql.SQLException {
        return new MeetingPosition(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4),
                new Position(rs.getString(5), Act.byId(rs.getString(6)), rs.getString(7), rs.getString(8),
                        Position.Status.valueOf(rs.getString(9))), rs.getString(10));
    }
}
