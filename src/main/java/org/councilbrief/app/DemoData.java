package org.councilbrief.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.AppException;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefJson;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.statement.Act;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.Statement;
import org.councilbrief.statement.StatementRepository;

/**
 * The bundled demo dataset: a brief on Mali in its structured form ({@code demo/mali.json}), the meeting its comments
 * section reports last (S/PV.9365, {@link #loadMeeting}) with the positions an editor decided there, so that the
 * brief's "who said what" grid has something to show, and, for {@code serve --demo} and {@code publish --demo}, the
 * meeting before it (S/PV.9350, {@link #loadMeetings}); see {@code demo/README.md} for what is quoted and what is the
 * demo's own text.
 */
final class DemoData {
    static final String SITUATION = "mali";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A password for a demo account: 20 characters drawn afresh, never stored anywhere but the demo's memory. */
    static String password() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private DemoData() {
    }

    static Brief mali() throws AppException {
        try (InputStream in = DemoData.class.getResourceAsStream("/org/councilbrief/demo/mali.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo data is missing from the application");
            }
            return BriefJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the demo data cannot be read", e);
        }
    }

    static void load(BriefRepository briefs) throws AppException {
        briefs.save(mali(), "MLI");
    }

    /** What some members did at a meeting, in the demo brief's words. */
    private record Said(String act, String theme, String words, List<String> members) {
    }

    /** S/PV.9350, 16 June 2023: who did what, as the demo brief's comments section says it (item comments-2). */
    private static final List<Said> MEETING_9350 = List.of(
            new Said("calls-for", "accountability", "called for investigations and accountability",
                    List.of("GAB", "GHA", "MOZ", "ALB", "ECU", "FRA", "JPN", "CHE", "GBR")),
            new Said("calls-for", "womens-participation", "called for women and young people to take part in the "
                    + "transition", List.of("GAB", "GHA", "MOZ", "BRA", "FRA", "MLT", "ARE")),
            new Said("expresses-concern", "foreign-security-personnel", "linked the worsening of violations to the "
                    + "Wagner Group", List.of("ALB", "FRA", "GBR", "USA")),
            new Said("calls-for", "sexual-violence", "asked that abductions, sexual violence and attacks on schools "
                    + "and hospitals be investigated and their authors punished", List.of("GAB", "GHA", "MOZ")),
            new Said("calls-for", "protection-of-civilians", "asked for renewed efforts to protect the most "
                    + "vulnerable civilians", List.of("BRA")),
            new Said("notes", "terrorism", "presented counter-terrorism operations as a way of protecting human "
                    + "rights", List.of("CHN")),
            new Said("rejects", "cooperation-with-un", "agreed with Mali that the OHCHR report was biased",
                    List.of("RUS")));

    /**
     * The demo's earlier Council meeting on Mali (S/PV.9350, 16 June 2023) with the positions the demo brief's comments
     * section attributes to members, accepted as an editor would after reading them, so that the public site's
     * pictures (a member's Geneva and New York, the themes of the situation's meetings) show two meetings. The
     * statements hold the brief's own summary of each speech, not the record's words; one more position, rejected,
     * shows what the public never sees. Loaded by {@code serve --demo} and {@code publish --demo} (not by every start
     * on the demo brief, which tests use with an S/PV.9350 of their own); S/PV.9365 comes with every demo start.
     */
    static void loadMeetings(org.councilbrief.db.Database database) {
        StatementRepository statements = new StatementRepository(database.jdbi());
        meeting(statements, new Meeting("S/PV.9350", SITUATION, LocalDate.of(2023, 6, 16), "The situation in Mali",
                null), MEETING_9350);
        statements.addPositions("S/PV.9350", speakers(MEETING_9350).indexOf("CHN") + 1, List.of(
                new Position("CHN", Act.CALLS_FOR, "accountability", "China presented counter-terrorism operations "
                        + "as a way of protecting human rights (a reading an editor rejected).",
                        Position.Status.REJECTED)));
    }

    /** Saves a meeting, one speech per member, and the accepted positions. */
    private static void meeting(StatementRepository statements, Meeting meeting, List<Said> said) {
        List<String> speakers = speakers(said);
        List<Statement> speeches = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            String member = speakers.get(i);
            String text = String.join(" ", said.stream().filter(s -> s.members().contains(member))
                    .map(s -> sentence(member, s)).toList());
            speeches.add(new Statement(meeting.symbol(), i + 1, "The representative of " + name(member), member,
                    null, null, text.isEmpty() ? name(member) + "'s speech is not summarised in the demo brief."
                            : text));
        }
        statements.saveMeeting(meeting, speeches);
        for (Said s : said) {
            for (String member : s.members()) {
                statements.addPositions(meeting.symbol(), speakers.indexOf(member) + 1, List.of(new Position(member,
                        Act.byId(s.act()), s.theme(), sentence(member, s), Position.Status.ACCEPTED)));
            }
        }
    }

    /** The members who spoke, in the order they first appear. */
    private static List<String> speakers(List<Said> said) {
        List<String> order = new ArrayList<>();
        said.forEach(s -> s.members().stream().filter(m -> !order.contains(m)).forEach(order::add));
        return order;
    }

    private static String sentence(String member, Said said) {
        return name(member) + " " + said.words() + ".";
    }

    private static String name(String member) {
        String name = org.councilbrief.council.Membership.shipped().states().require(member).shortName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The demo's meeting of 30 June 2023, as an import and an editor's review would leave it. */
    static final String MEETING = "S/PV.9365";

    static void loadMeeting(StatementRepository statements) {
        String sentencePoc = "reminded Mali of its duty to protect all civilians and to respect international "
                + "humanitarian and human rights law.";
        String us = "We note that, despite the loss of MINUSMA's assistance, the transition government must continue"
                + " to adhere to its agreement with the Economic Community of West African States to transition to a "
                + "democratically elected, civil-led government by March 2024.";
        String a3 = "The people of Mali would continue to need the solidarity and support of the international "
                + "community as they enhance their security capabilities to fill gaps that would be created with the "
                + "departure of the international presence as well as in sustaining the implementation of the Algiers "
                + "Peace Agreement and the transitional roadmap, especially the realization of the March 2024 "
                + "electoral timetable.";
        String wagner = "Albania described the Wagner Group's presence as a grave threat to Malians.";
        List<String[]> speakers = List.of(new String[] {"ALB", "Albania " + sentencePoc + " " + wagner},
                new String[] {"ECU", "Ecuador " + sentencePoc}, new String[] {"MLT", "Malta " + sentencePoc},
                new String[] {"CHE", "Switzerland " + sentencePoc}, new String[] {"GBR", "The UK " + sentencePoc},
                new String[] {"USA", us + " The US " + sentencePoc}, new String[] {"GHA", a3});
        List<Statement> speeches = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            String code = speakers.get(i)[0];
            speeches.add(new Statement(MEETING, i + 1, "The representative of " + name(code), code,
                    code.equals("GHA") ? "A3" : null, null, speakers.get(i)[1]));
        }
        statements.saveMeeting(new Meeting(MEETING, SITUATION, LocalDate.of(2023, 6, 30),
                "The situation in Mali", null), speeches);
        for (int i = 0; i < speakers.size() - 2; i++) {
            String code = speakers.get(i)[0];
            String evidence = speakers.get(i)[1].substring(0, speakers.get(i)[1].indexOf('.') + 1);
            statements.addPositions(MEETING, i + 1, List.of(
                    new Position(code, Act.CALLS_FOR, "protection-of-civilians", evidence, Position.Status.ACCEPTED),
                    new Position(code, Act.CALLS_FOR, "ihl-ihrl", evidence, Position.Status.ACCEPTED)));
        }
        statements.addPositions(MEETING, 1, List.of(
                new Position("ALB", Act.EXPRESSES_CONCERN, "foreign-security-personnel", wagner,
                        Position.Status.ACCEPTED),
                // Readings an editor has not accepted: the public pages and the brief's grid leave them out.
                new Position("ALB", Act.CONDEMNS, "protection-of-civilians", wagner, Position.Status.PROPOSED),
                new Position("ALB", Act.NOTES, "civic-space", wagner, Position.Status.REJECTED)));
        String usPoc = "The US " + sentencePoc;
        statements.addPositions(MEETING, 6, List.of(
                new Position("USA", Act.CALLS_FOR, "elections-and-transition", us, Position.Status.ACCEPTED),
                new Position("USA", Act.CALLS_FOR, "protection-of-civilians", usPoc, Position.Status.ACCEPTED),
                new Position("USA", Act.CALLS_FOR, "ihl-ihrl", usPoc, Position.Status.ACCEPTED)));
        List<Position> jointly = new ArrayList<>();
        for (String code : List.of("GAB", "GHA", "MOZ")) {
            jointly.add(new Position(code, Act.CALLS_FOR, "elections-and-transition", a3, Position.Status.ACCEPTED));
        }
        statements.addPositions(MEETING, 7, jointly);
    }
}
